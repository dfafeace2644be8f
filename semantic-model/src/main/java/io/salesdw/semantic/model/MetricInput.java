package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A metric a derived metric reads.
 *
 * @param metric the input metric's name
 * @param alias the name the expression uses for it, when not the metric's own
 * @param offsetWindow read the input this far back in time (the value a period ago)
 */
public record MetricInput(
    String metric, Optional<String> alias, Optional<TimeWindow> offsetWindow) {
  public MetricInput {
    requireNonNull(metric, "metric is null");
    requireNonNull(alias, "alias is null");
    requireNonNull(offsetWindow, "offsetWindow is null");
  }

  /** The name the derived metric's expression uses. */
  public String referenceName() {
    return alias.orElse(metric);
  }
}
