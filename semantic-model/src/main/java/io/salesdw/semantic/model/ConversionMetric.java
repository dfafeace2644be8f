package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The share of base events followed by a conversion event for the same entity within a window
 * (MetricFlow's conversion metric): leads that became an opportunity within 30 days. Each base
 * event counts once, in the period of the base event.
 *
 * @param entity the entity both events belong to (a lead, a customer)
 * @param baseMeasure counts the base events (e.g. leads created)
 * @param conversionMeasure counts the conversion events (e.g. opportunities created)
 * @param window how long after the base event a conversion counts
 * @param calculation the rate, or the number of conversions
 */
public record ConversionMetric(
    String name,
    MetricGovernance governance,
    String entity,
    String baseMeasure,
    String conversionMeasure,
    TimeWindow window,
    Calculation calculation,
    List<MetricTest> tests,
    SourceLocation location)
    implements Metric {
  public ConversionMetric {
    requireNonNull(name, "name is null");
    requireNonNull(governance, "governance is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(baseMeasure, "baseMeasure is null");
    requireNonNull(conversionMeasure, "conversionMeasure is null");
    requireNonNull(window, "window is null");
    requireNonNull(calculation, "calculation is null");
    tests = List.copyOf(requireNonNull(tests, "tests is null"));
    requireNonNull(location, "location is null");
  }

  @Override
  public List<String> inputMeasures() {
    return List.of(baseMeasure, conversionMeasure);
  }

  /** What a conversion metric returns. */
  public enum Calculation {
    /** Converted base events over all base events. */
    CONVERSION_RATE,
    /** The number of converted base events. */
    CONVERSIONS
  }
}
