package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

/**
 * A governed metric that is not a Superset metric, and why: Superset's metric is one aggregate
 * expression over one dataset's rows, and some metrics are not.
 */
public record LeftOutMetric(String metric, String reason) {
  public LeftOutMetric {
    requireNonNull(metric, "metric is null");
    requireNonNull(reason, "reason is null");
  }
}
