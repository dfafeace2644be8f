package io.salesdw.serve.avatica;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every HTTP request before Avatica's handler sees it, and runs that handler as the
 * request's {@link AvaticaCaller}. Two schemes, as the thin driver sends them:
 *
 * <ul>
 *   <li>{@code Authorization: Basic} (URL {@code authentication=BASIC;avatica_user=…;
 *       avatica_password=…}), checked by {@code SemanticService.logIn};
 *   <li>{@code Authorization: Bearer} (URL {@code authentication=BEARER;bearer_token=…}), checked
 *       by {@code SemanticService.logInWithToken}.
 * </ul>
 *
 * <p>A request without credentials gets {@code 401} with a challenge for both schemes (the driver
 * sends its credentials only once challenged) and a plain-text explanation. A request whose
 * credentials are refused gets an Avatica error response (HTTP 500, as Avatica answers every failed
 * call) with the service's message and SQLState {@code 28000}: the thin driver reads a body only
 * from 200 and 500 answers, and would otherwise report a bare "HTTP/401". Passwords and tokens are
 * never logged.
 */
final class AuthenticatingHandler extends HandlerWrapper {
  private static final Logger LOG = LoggerFactory.getLogger(AuthenticatingHandler.class);

  /** The realm named in challenges. */
  static final String REALM = "salesdw";

  /** What a client without credentials is told, in the 401's body. */
  static final String CREDENTIALS_REQUIRED =
      "salesdw: this endpoint requires a user and password (HTTP Basic; Avatica JDBC URL"
          + " authentication=BASIC;avatica_user=<user>;avatica_password=<password>) or an access"
          + " token (HTTP Bearer; authentication=BEARER;bearer_token=<token>).";

  private final VerifiedLogins logins;
  private final CurrentCaller currentCaller;

  AuthenticatingHandler(VerifiedLogins logins, CurrentCaller currentCaller) {
    this.logins = requireNonNull(logins, "logins is null");
    this.currentCaller = requireNonNull(currentCaller, "currentCaller is null");
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String client = request.getRemoteAddr() + ":" + request.getRemotePort();
    Optional<String> authorization = Optional.ofNullable(request.getHeader("Authorization"));
    if (authorization.isEmpty()) {
      challenge(baseRequest, response, CREDENTIALS_REQUIRED);
      return;
    }
    Principal principal;
    try {
      principal = logIn(authorization.get(), client);
    } catch (SalesdwException e) {
      // The service's message says what to do (and when to retry), never which part was wrong.
      LOG.info("Avatica: refused the credentials from {}: {}", client, e.getMessage());
      refuse(baseRequest, response, e.getMessage());
      return;
    }
    currentCaller.runAs(
        new AvaticaCaller(principal, client),
        () -> super.handle(target, baseRequest, request, response));
  }

  private Principal logIn(String authorization, String client) {
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "basic":
        {
          String decoded = decodeBasic(credentials);
          int colon = decoded.indexOf(':');
          if (colon < 0) {
            throw AvaticaAuthErrors.malformed("Basic");
          }
          return logins.logIn(decoded.substring(0, colon), decoded.substring(colon + 1), client);
        }
      case "bearer":
        if (credentials.isEmpty()) {
          throw AvaticaAuthErrors.malformed("Bearer");
        }
        return logins.logInWithToken(credentials, client);
      default:
        throw AvaticaAuthErrors.unsupportedScheme(scheme);
    }
  }

  private static String decodeBasic(String credentials) {
    try {
      return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AvaticaAuthErrors.malformed("Basic");
    }
  }

  private static void challenge(Request baseRequest, HttpServletResponse response, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    baseRequest.setHandled(true);
  }

  private static void refuse(Request baseRequest, HttpServletResponse response, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    response.setContentType("application/octet-stream");
    response
        .getOutputStream()
        .write(AvaticaErrors.errorResponse(message, AvaticaErrors.AUTHENTICATION_STATE));
    baseRequest.setHandled(true);
  }
}
