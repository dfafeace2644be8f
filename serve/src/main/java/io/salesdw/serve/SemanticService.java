package io.salesdw.serve;

import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;

/**
 * What every endpoint serves: log-in, governed queries under the user's policy and limits
 * (audited), and the catalog the user may see. The Flight SQL and Avatica endpoints are thin
 * adapters of this one service, so both give the same answers, refusals and audit.
 */
public interface SemanticService {
  /**
   * Checks a user's password.
   *
   * @param client the client's address, for the throttle and the log
   * @throws io.salesdw.contracts.SalesdwException if the user or password is wrong, or the user or
   *     address has failed too often lately (the message says when to retry, never which part was
   *     wrong)
   */
  Principal logIn(String user, String password, String client);

  /**
   * Checks an access token from configuration.
   *
   * @throws io.salesdw.contracts.SalesdwException as {@link #logIn}
   */
  Principal logInWithToken(String token, String client);

  /**
   * Answers a query as the principal, within their limits (timeout, rows, queries at once), and
   * audits it.
   *
   * @param endpoint the endpoint's name, such as {@code flight-sql}
   * @param client the client's address
   * @param cancellation pressed by the endpoint if the client cancels or goes away
   * @throws io.salesdw.contracts.SalesdwException for an invalid, denied, timed-out, cancelled, too
   *     large or refused query; {@link io.salesdw.semantic.access.QueryOutcome#of} tells which
   */
  SemanticAnswer execute(
      Principal principal,
      String sql,
      String endpoint,
      String client,
      QueryCancellation cancellation);

  /** The schemas, tables, views and their columns the principal may read. */
  ServedCatalog catalog(Principal principal);
}
