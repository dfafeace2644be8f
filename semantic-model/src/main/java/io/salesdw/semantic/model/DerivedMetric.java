package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An expression over other metrics: {@code gross_margin_rate = gross_margin / revenue}. An input
 * may be shifted in time ({@code offset-window: 1 year}) to compare with an earlier period.
 *
 * @param expr a SQL expression over the inputs' names (or aliases)
 * @param inputs the metrics it reads
 */
public record DerivedMetric(
    String name,
    MetricGovernance governance,
    String expr,
    List<MetricInput> inputs,
    List<MetricTest> tests,
    SourceLocation location)
    implements Metric {
  public DerivedMetric {
    requireNonNull(name, "name is null");
    requireNonNull(governance, "governance is null");
    requireNonNull(expr, "expr is null");
    inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
    tests = List.copyOf(requireNonNull(tests, "tests is null"));
    requireNonNull(location, "location is null");
  }

  @Override
  public List<String> inputMetrics() {
    return inputs.stream().map(MetricInput::metric).toList();
  }
}
