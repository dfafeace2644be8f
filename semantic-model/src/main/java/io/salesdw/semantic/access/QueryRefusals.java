package io.salesdw.semantic.access;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The errors of a served query the layer refuses or stops, each carrying its {@link QueryOutcome}
 * so that endpoints map it to their status and the audit records it.
 */
public final class QueryRefusals {
  private QueryRefusals() {}

  /** The role may not read what the query reads. */
  public static SalesdwException denied(String message) {
    return refusal(QueryOutcome.DENIED, message);
  }

  public static SalesdwException timedOut(Duration timeout) {
    return refusal(
        QueryOutcome.TIMED_OUT,
        String.format(
            Locale.ROOT,
            "the query ran longer than the %s allowed and was stopped; narrow it (a filter on time,"
                + " fewer dimensions) or ask for a longer timeout",
            human(timeout)));
  }

  public static SalesdwException tooManyRows(long maxRows) {
    return refusal(
        QueryOutcome.TOO_MANY_ROWS,
        "the query returns more than the "
            + maxRows
            + " rows allowed; add a LIMIT, a filter or a GROUP BY");
  }

  public static SalesdwException tooManyQueries(String user, int limit) {
    return refusal(
        QueryOutcome.TOO_MANY_QUERIES,
        "user "
            + user
            + " already runs "
            + limit
            + " queries, as many as allowed at once; retry when one has finished");
  }

  public static SalesdwException cancelled() {
    return refusal(QueryOutcome.CANCELLED, "the query was cancelled");
  }

  private static SalesdwException refusal(QueryOutcome outcome, String message) {
    return new SalesdwException(ErrorKind.USER_ERROR, message, new Refusal(outcome));
  }

  /** The outcome a refusal carries, or empty for another failure. */
  static Optional<QueryOutcome> outcomeOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal) {
        return java.util.Optional.of(((Refusal) cause).outcome);
      }
    }
    return java.util.Optional.empty();
  }

  private static String human(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  /** The marker a refusal's exception has as its cause: no message, no stack of its own. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient QueryOutcome outcome;

    Refusal(QueryOutcome outcome) {
      super(outcome.name(), null, false, false);
      this.outcome = outcome;
    }
  }
}
