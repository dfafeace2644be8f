package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link LoginLimits#maxFailures()} failed log-ins within
 * {@link LoginLimits#window()}, for one user or from one client address, further log-ins of that
 * user or from that address are refused for {@link LoginLimits#lockout()}, right password or not. A
 * successful log-in forgets only the failures of the same user from the same address, so a guesser
 * elsewhere cannot be reset by the real user logging in. Safe to call from several threads.
 */
public final class LoginThrottle {
  private final LoginLimits limits;
  private final Clock clock;
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Map<String, Instant> lockedUntil = new HashMap<>();

  private record Failure(Instant at, String user, String address) {}

  public LoginThrottle(LoginLimits limits, Clock clock) {
    this.limits = requireNonNull(limits, "limits is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Refuses a log-in of {@code user} from {@code client} while either is locked out.
   *
   * @param client the client's address, with or without its port
   * @throws io.salesdw.contracts.SalesdwException saying when to retry, and nothing about whether
   *     the user exists
   */
  public synchronized void checkAllowed(String user, String client) {
    requireNonNull(user, "user is null");
    Instant now = clock.instant();
    Optional<Instant> until =
        latest(lockEnd(userKey(user), now), lockEnd(addressKey(address(client)), now));
    if (until.isPresent()) {
      throw ServeErrors.tooManyFailedLogins(until.get(), Duration.between(now, until.get()));
    }
  }

  /** Counts a failed log-in; locks the user or the address if it reaches the limit. */
  public synchronized void recordFailure(String user, String client) {
    requireNonNull(user, "user is null");
    Instant now = clock.instant();
    String address = address(client);
    forgetBefore(now.minus(limits.window()));
    failures.addLast(new Failure(now, user, address));
    long ofUser = failures.stream().filter(f -> f.user().equals(user)).count();
    long fromAddress = failures.stream().filter(f -> f.address().equals(address)).count();
    Instant until = now.plus(limits.lockout());
    if (ofUser >= limits.maxFailures()) {
      lockedUntil.put(userKey(user), until);
      failures.removeIf(f -> f.user().equals(user));
    }
    if (fromAddress >= limits.maxFailures()) {
      lockedUntil.put(addressKey(address), until);
      failures.removeIf(f -> f.address().equals(address));
    }
  }

  /** Forgets the failures of this user from this address, and only those. */
  public synchronized void recordSuccess(String user, String client) {
    requireNonNull(user, "user is null");
    String address = address(client);
    failures.removeIf(f -> f.user().equals(user) && f.address().equals(address));
  }

  private Optional<Instant> lockEnd(String key, Instant now) {
    Instant until = lockedUntil.get(key);
    if (until == null) {
      return Optional.empty();
    }
    if (!now.isBefore(until)) {
      lockedUntil.remove(key);
      return Optional.empty();
    }
    return Optional.of(until);
  }

  private void forgetBefore(Instant start) {
    while (!failures.isEmpty() && failures.peekFirst().at().isBefore(start)) {
      failures.removeFirst();
    }
  }

  private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static String userKey(String user) {
    return "user:" + user;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  /**
   * The host of {@code 10.0.0.5:53122} or {@code [::1]:53122}: a client's port changes per call.
   */
  static String address(String client) {
    requireNonNull(client, "client is null");
    if (client.startsWith("[")) {
      int end = client.indexOf(']');
      return end > 0 ? client.substring(1, end) : client;
    }
    int colon = client.indexOf(':');
    return colon > 0 && colon == client.lastIndexOf(':') ? client.substring(0, colon) : client;
  }
}
