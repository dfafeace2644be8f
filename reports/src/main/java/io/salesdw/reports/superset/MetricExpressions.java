package io.salesdw.reports.superset;

import io.salesdw.semantic.model.Aggregation;
import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.CumulativeMetric;
import io.salesdw.semantic.model.DerivedMetric;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricInput;
import io.salesdw.semantic.model.RatioMetric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places each governed metric on the dataset of its semantic model as one aggregate expression over
 * the view's columns, written as the semantic layer's compiler writes it (ratios of sums as {@code
 * CAST(n AS DOUBLE) / NULLIF(CAST(d AS DOUBLE), 0)}, averages over {@code DOUBLE}, a boolean sum as
 * {@code SUM(CASE WHEN b THEN 1 ELSE 0 END)}), or says why it cannot be one.
 */
final class MetricExpressions {
  /** Where a metric lands: its model and its SQL, or why it has none. */
  record Placement(String model, String expression, String reason) {
    static Placement on(String model, String expression) {
      return new Placement(model, expression, null);
    }

    static Placement none(String reason) {
      return new Placement(null, null, reason);
    }

    boolean placed() {
      return reason == null;
    }
  }

  private final SemanticManifest manifest;
  private final Map<String, Placement> placements = new HashMap<>();

  MetricExpressions(SemanticManifest manifest) {
    this.manifest = manifest;
  }

  /** The metric's placement; the expression is in the model's SQL, not yet Trino's. */
  Placement place(Metric metric) {
    Placement known = placements.get(metric.name());
    if (known == null) {
      known = compute(metric);
      placements.put(metric.name(), known);
    }
    return known;
  }

  private Placement compute(Metric metric) {
    if (metric instanceof SimpleMetric simple) {
      return simple(simple);
    }
    if (metric instanceof RatioMetric ratio) {
      Placement numerator = input(ratio.numerator());
      Placement denominator = input(ratio.denominator());
      if (!numerator.placed()) {
        return Placement.none("its numerator " + ratio.numerator() + " " + numerator.reason());
      }
      if (!denominator.placed()) {
        return Placement.none(
            "its denominator " + ratio.denominator() + " " + denominator.reason());
      }
      if (!numerator.model().equals(denominator.model())) {
        return Placement.none(
            "its numerator and denominator are of two semantic models ("
                + numerator.model()
                + ", "
                + denominator.model()
                + ")");
      }
      return Placement.on(
          numerator.model(),
          "CAST("
              + numerator.expression()
              + " AS DOUBLE) / NULLIF(CAST("
              + denominator.expression()
              + " AS DOUBLE), 0)");
    }
    if (metric instanceof DerivedMetric derived) {
      return derived(derived);
    }
    if (metric instanceof CumulativeMetric) {
      return Placement.none(
          "is cumulative: it sums over the time spine up to each period, which is not an aggregate"
              + " of one period's rows");
    }
    if (metric instanceof ConversionMetric conversion) {
      return Placement.none(
          "is a conversion: it matches "
              + conversion.baseMeasure()
              + " and "
              + conversion.conversionMeasure()
              + " events of one "
              + conversion.entity()
              + " within a window, across two semantic models");
    }
    throw new IllegalStateException("unknown metric type: " + metric);
  }

  private Placement input(String name) {
    return manifest
        .metric(name)
        .map(this::place)
        .orElseGet(() -> Placement.none("is not a metric of the model"));
  }

  private Placement simple(SimpleMetric metric) {
    SemanticModel model = manifest.modelOfMeasure(metric.measure()).orElse(null);
    Measure measure = manifest.measure(metric.measure()).orElse(null);
    if (model == null || measure == null) {
      return Placement.none("reads the unknown measure " + metric.measure());
    }
    if (measure.nonAdditiveDimension().isPresent()) {
      return Placement.none(
          "is semi-additive: it keeps each period's last "
              + measure.nonAdditiveDimension().get().timeDimension()
              + " snapshot, which one aggregate cannot");
    }
    Set<String> columns = viewColumns(model);
    if (!isMeasureColumn(model, measure.name())) {
      return Placement.none(
          "reads the measure " + measure.name() + ", whose name a dimension or entity takes");
    }
    String value = TrinoSql.quote(measure.name());
    if (metric.filter().isPresent()) {
      String filter = metric.filter().get();
      Set<String> read = TrinoSql.identifiers(TrinoSql.parseExpression(filter));
      Set<String> missing = new TreeSet<>(read);
      missing.removeAll(columns);
      if (!missing.isEmpty()) {
        return Placement.none(
            "has a filter on " + String.join(", ", missing) + ", not a column of " + model.name());
      }
      value = "CASE WHEN (" + filter + ") THEN " + value + " END";
    }
    return Placement.on(model.name(), aggregate(measure.aggregation(), value));
  }

  private Placement derived(DerivedMetric derived) {
    Map<String, String> inputs = new HashMap<>();
    String model = null;
    for (MetricInput input : derived.inputs()) {
      if (input.offsetWindow().isPresent()) {
        return Placement.none(
            "reads "
                + input.metric()
                + " offset by "
                + input.offsetWindow().get()
                + ", which needs the query's time grain");
      }
      Placement placement = input(input.metric());
      if (!placement.placed()) {
        return Placement.none("reads " + input.metric() + ", which " + placement.reason());
      }
      if (model != null && !model.equals(placement.model())) {
        return Placement.none(
            "reads metrics of two semantic models (" + model + ", " + placement.model() + ")");
      }
      model = placement.model();
      // In DOUBLE, as the layer computes a derived quotient: a DECIMAL quotient on Trino keeps
      // only the dividend's scale (two decimals of an average order value).
      inputs.put(input.referenceName(), "CAST(" + placement.expression() + " AS DOUBLE)");
    }
    if (model == null) {
      return Placement.none("reads no metric");
    }
    String expression =
        TrinoSql.print(
            TrinoSql.replaceIdentifiers(
                TrinoSql.parseExpression(derived.expr()),
                name -> {
                  String replacement = inputs.get(name);
                  if (replacement == null) {
                    throw new IllegalArgumentException(
                        "Derived metric '" + derived.name() + "' reads '" + name + "'");
                  }
                  return replacement;
                }));
    return Placement.on(model, expression);
  }

  /** The view's columns, as {@code SemanticModelViews} names them (first name wins). */
  static Set<String> viewColumns(SemanticModel model) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    model.entities().forEach(e -> names.add(e.name()));
    model.dimensions().forEach(d -> names.add(d.name()));
    model.measures().forEach(m -> names.add(m.name()));
    return names;
  }

  private static boolean isMeasureColumn(SemanticModel model, String measure) {
    Set<String> taken = new LinkedHashSet<>();
    model.entities().forEach(e -> taken.add(e.name().toLowerCase(java.util.Locale.ROOT)));
    model.dimensions().forEach(d -> taken.add(d.name().toLowerCase(java.util.Locale.ROOT)));
    return !taken.contains(measure.toLowerCase(java.util.Locale.ROOT));
  }

  private static String aggregate(Aggregation aggregation, String value) {
    switch (aggregation) {
      case SUM:
        return "SUM(" + value + ")";
      case COUNT:
        return "COUNT(" + value + ")";
      case COUNT_DISTINCT:
        return "COUNT(DISTINCT " + value + ")";
      case MIN:
        return "MIN(" + value + ")";
      case MAX:
        return "MAX(" + value + ")";
      case AVERAGE:
        return "AVG(CAST(" + value + " AS DOUBLE))";
      case SUM_BOOLEAN:
        return "SUM(CASE WHEN " + value + " THEN 1 ELSE 0 END)";
      default:
        throw new IllegalStateException("unknown aggregation: " + aggregation);
    }
  }
}
