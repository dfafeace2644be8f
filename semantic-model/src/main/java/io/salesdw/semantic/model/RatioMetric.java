package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One metric over another, each aggregated on its own before dividing, so that a ratio of sums is
 * never an average of ratios: {@code win_rate = won_deals / closed_deals}. NULL when the
 * denominator is zero.
 */
public record RatioMetric(
    String name,
    MetricGovernance governance,
    String numerator,
    String denominator,
    List<MetricTest> tests,
    SourceLocation location)
    implements Metric {
  public RatioMetric {
    requireNonNull(name, "name is null");
    requireNonNull(governance, "governance is null");
    requireNonNull(numerator, "numerator is null");
    requireNonNull(denominator, "denominator is null");
    tests = List.copyOf(requireNonNull(tests, "tests is null"));
    requireNonNull(location, "location is null");
  }

  @Override
  public List<String> inputMetrics() {
    return List.of(numerator, denominator);
  }
}
