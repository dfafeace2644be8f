package io.salesdw.semantic.model;

import java.util.List;

/**
 * A governed number: defined once here, the same in every dashboard, query and report. The types
 * are MetricFlow's.
 */
public sealed interface Metric
    permits SimpleMetric, RatioMetric, DerivedMetric, CumulativeMetric, ConversionMetric {
  /** Unique across the manifest; what {@code MEASURE(name)} names. */
  String name();

  MetricGovernance governance();

  /** Expected-value tests on fixture data. */
  List<MetricTest> tests();

  SourceLocation location();

  /** The metrics this one is computed from (empty for those over measures). */
  default List<String> inputMetrics() {
    return List.of();
  }

  /** The measures this one aggregates directly. */
  default List<String> inputMeasures() {
    return List.of();
  }
}
