package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** How a served query ended: what the audit records and what an endpoint maps to its status. */
public enum QueryOutcome {
  /** It ran and returned its rows. */
  OK,
  /** The query is not valid SQL, or names what does not exist. */
  INVALID,
  /** It reads what the user's role may not. */
  DENIED,
  /** It ran longer than the user's timeout, and was stopped. */
  TIMED_OUT,
  /** It would return more rows than the user's limit. */
  TOO_MANY_ROWS,
  /** The user already runs as many queries as they may at once. */
  TOO_MANY_QUERIES,
  /** The client cancelled it. */
  CANCELLED,
  /** The engine failed. */
  FAILED;

  /**
   * How a query that threw {@code failure} ended: the outcome a {@link QueryRefusals} error
   * carries; {@link #INVALID} for another error the user must fix (a {@link
   * io.salesdw.contracts.ErrorKind#USER_ERROR}); {@link #FAILED} for anything else.
   */
  public static QueryOutcome of(Throwable failure) {
    requireNonNull(failure, "failure is null");
    return QueryRefusals.outcomeOf(failure)
        .orElseGet(
            () ->
                failure instanceof SalesdwException
                        && ((SalesdwException) failure).kind() == ErrorKind.USER_ERROR
                    ? INVALID
                    : FAILED);
  }
}
