package io.salesdw.serve.flight;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.Principal;
import io.salesdw.serve.SemanticService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Authenticates every call: HTTP Basic (a user's password, which opens a session: the reply carries
 * a bearer token for the following calls, as Flight SQL clients expect) or Bearer (an access token
 * from the configuration, or a session's token). The call's peer identity names the principal and
 * the client's address for the producer.
 */
final class FlightAuthenticator implements CallHeaderAuthenticator {
  /** How long a session's token is accepted after its log-in. */
  static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SemanticService service;
  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // A call's peer identity is a string; the principal it names is kept here.
  private final Map<String, Principal> principals = new ConcurrentHashMap<>();

  private record Session(Principal principal, Instant expires) {}

  /** The principal and client of a call, as its peer identity names them. */
  record Caller(Principal principal, String client) {}

  FlightAuthenticator(SemanticService service, Clock clock) {
    this.service = requireNonNull(service, "service is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String client = ClientAddress.current();
    String authorization = headers.get(Auth2Constants.AUTHORIZATION_HEADER);
    if (authorization == null || authorization.isBlank()) {
      throw FlightErrors.noCredentials();
    }
    try {
      if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
        return basic(authorization.substring(BASIC.length()).trim(), client);
      }
      if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return bearer(authorization.substring(BEARER.length()).trim(), client);
      }
    } catch (SalesdwException e) {
      throw FlightErrors.unauthenticated(e.getMessage());
    }
    throw FlightErrors.unauthenticated(
        "unsupported authorization scheme: log in with a user and password (Basic) or a token"
            + " (Bearer)");
  }

  /** Who made a call, from its peer identity. */
  Caller caller(String peerIdentity) {
    int separator = peerIdentity.indexOf('|');
    Principal principal =
        separator < 0 ? null : principals.get(peerIdentity.substring(separator + 1));
    if (principal == null) {
      throw FlightErrors.noCredentials();
    }
    return new Caller(principal, peerIdentity.substring(0, separator));
  }

  private AuthResult basic(String encoded, String client) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw FlightErrors.unauthenticated("malformed Basic credentials: not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw FlightErrors.unauthenticated(
          "malformed Basic credentials: no ':' between user and password");
    }
    Principal principal =
        service.logIn(decoded.substring(0, colon), decoded.substring(colon + 1), client);
    String token = newSessionToken();
    sessions.put(token, new Session(principal, clock.instant().plus(SESSION_LIFETIME)));
    String identity = identity(principal, client);
    return new AuthResult() {
      @Override
      public String getPeerIdentity() {
        return identity;
      }

      @Override
      public void appendToOutgoingHeaders(CallHeaders outgoing) {
        outgoing.insert(Auth2Constants.AUTHORIZATION_HEADER, BEARER + token);
      }
    };
  }

  private AuthResult bearer(String token, String client) {
    Optional<Principal> session =
        Optional.ofNullable(sessions.get(token))
            .filter(
                found -> {
                  if (clock.instant().isBefore(found.expires())) {
                    return true;
                  }
                  sessions.remove(token);
                  return false;
                })
            .map(Session::principal);
    Principal principal = session.orElseGet(() -> service.logInWithToken(token, client));
    String identity = identity(principal, client);
    return () -> identity;
  }

  private String identity(Principal principal, String client) {
    principals.put(principal.user(), principal);
    return client + "|" + principal.user();
  }

  private static String newSessionToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
