package io.salesdw.serve.avatica;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.access.Principal;
import io.salesdw.serve.SemanticService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credentials the service accepted lately, so that each HTTP request of a connection does not
 * pay for the service's slow salted hash again: Avatica's driver sends the same BASIC credentials
 * or token with every request of a connection.
 *
 * <p>An entry is keyed by an HMAC-SHA256 of the credentials under a random key made when the
 * endpoint starts, so memory holds neither a password nor a hash of it that could be attacked
 * offline, and it lasts {@link #DEFAULT_TTL}: a password or token removed from the configuration
 * stops working within that time. Only successes are kept; every failure goes to the service, whose
 * throttle counts it.
 */
final class VerifiedLogins {
  /** How long an accepted login is trusted without asking the service again. */
  static final Duration DEFAULT_TTL = Duration.ofMinutes(1);

  /** The most logins kept; the least recently used goes first. */
  static final int MAX_ENTRIES = 1024;

  private final SemanticService service;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final SecretKeySpec key;
  private final Map<ByteBuffer, Verified> verified =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Verified> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private record Verified(Principal principal, long expiresAtNanos) {}

  VerifiedLogins(SemanticService service, Duration ttl, LongSupplier nanoTime) {
    this.service = requireNonNull(service, "service is null");
    this.ttlNanos = requireNonNull(ttl, "ttl is null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  static VerifiedLogins of(SemanticService service) {
    return new VerifiedLogins(service, DEFAULT_TTL, System::nanoTime);
  }

  /**
   * The user's principal, from the cache or from {@link SemanticService#logIn}.
   *
   * @throws io.salesdw.contracts.SalesdwException as the service's {@code logIn}
   */
  Principal logIn(String user, String password, String client) {
    ByteBuffer id = keyOf("password", user, password);
    return cached(id).orElseGet(() -> remember(id, service.logIn(user, password, client)));
  }

  /**
   * The token's principal, from the cache or from {@link SemanticService#logInWithToken}.
   *
   * @throws io.salesdw.contracts.SalesdwException as the service's {@code logInWithToken}
   */
  Principal logInWithToken(String token, String client) {
    ByteBuffer id = keyOf("token", "", token);
    return cached(id).orElseGet(() -> remember(id, service.logInWithToken(token, client)));
  }

  private synchronized Optional<Principal> cached(ByteBuffer id) {
    Verified entry = verified.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
      verified.remove(id);
      return Optional.empty();
    }
    return Optional.of(entry.principal());
  }

  private synchronized Principal remember(ByteBuffer id, Principal principal) {
    verified.put(id, new Verified(principal, nanoTime.getAsLong() + ttlNanos));
    return principal;
  }

  private ByteBuffer keyOf(String kind, String user, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // Lengths first, so that no two (user, secret) pairs make the same input.
      mac.update((kind + ":" + user.length() + ":" + user + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(secret.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
