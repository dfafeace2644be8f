package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.MetricTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one metric test: the query it ran and, when the rows differ from the expected
 * ones, the rows missing from the result and the rows the result has that were not expected. Row
 * values are text, as the test's {@code expect} writes them; an empty value is SQL NULL.
 *
 * @param metric the metric tested
 * @param test the test, with its location
 * @param sql the metric query the test ran
 * @param outcome passed, failed (rows differ) or error (the query could not run)
 * @param missing expected rows the result lacks
 * @param unexpected result rows that were not expected
 * @param error why the test could not run, for {@link Outcome#ERROR}
 */
public record MetricTestResult(
    String metric,
    MetricTest test,
    String sql,
    Outcome outcome,
    List<Map<String, String>> missing,
    List<Map<String, String>> unexpected,
    Optional<String> error) {
  public MetricTestResult {
    requireNonNull(metric, "metric is null");
    requireNonNull(test, "test is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(outcome, "outcome is null");
    missing = List.copyOf(requireNonNull(missing, "missing is null"));
    unexpected = List.copyOf(requireNonNull(unexpected, "unexpected is null"));
    requireNonNull(error, "error is null");
    if (error.isPresent() != (outcome == Outcome.ERROR)) {
      throw new IllegalArgumentException("an error is given exactly for the ERROR outcome");
    }
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** How a test ended. */
  public enum Outcome {
    /** The result has exactly the expected rows. */
    PASSED,
    /** The result's rows differ from the expected ones. */
    FAILED,
    /** The test could not run: its query is invalid, or an expected row names other columns. */
    ERROR
  }
}
