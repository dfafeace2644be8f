package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A measure, optionally restricted by a filter on dimensions: {@code revenue = sum(amount)}.
 *
 * @param filter a SQL condition over dimensions, applied before aggregation
 */
public record SimpleMetric(
    String name,
    MetricGovernance governance,
    String measure,
    Optional<String> filter,
    List<MetricTest> tests,
    SourceLocation location)
    implements Metric {
  public SimpleMetric {
    requireNonNull(name, "name is null");
    requireNonNull(governance, "governance is null");
    requireNonNull(measure, "measure is null");
    requireNonNull(filter, "filter is null");
    tests = List.copyOf(requireNonNull(tests, "tests is null"));
    requireNonNull(location, "location is null");
  }

  @Override
  public List<String> inputMeasures() {
    return List.of(measure);
  }
}
