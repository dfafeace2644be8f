package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The whole semantic model (MetricFlow's manifest): the semantic models over gold tables, the
 * metrics defined on them, the fiscal calendar their fiscal grains follow, and the time spine
 * cumulative metrics report their periods from. Made by {@link SemanticManifestLoader}, which
 * validates it; the compiler assumes a valid manifest.
 */
public record SemanticManifest(
    List<SemanticModel> semanticModels,
    List<Metric> metrics,
    FiscalCalendar fiscalCalendar,
    Optional<TimeSpine> timeSpine) {
  public SemanticManifest {
    semanticModels = List.copyOf(requireNonNull(semanticModels, "semanticModels is null"));
    metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    requireNonNull(fiscalCalendar, "fiscalCalendar is null");
    requireNonNull(timeSpine, "timeSpine is null");
  }

  /** A manifest without a time spine. */
  public SemanticManifest(
      List<SemanticModel> semanticModels, List<Metric> metrics, FiscalCalendar fiscalCalendar) {
    this(semanticModels, metrics, fiscalCalendar, Optional.empty());
  }

  public Optional<Metric> metric(String name) {
    return metrics.stream().filter(metric -> metric.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<SemanticModel> semanticModel(String name) {
    return semanticModels.stream().filter(model -> model.name().equals(name)).findFirst();
  }

  /** The model that declares a measure. */
  public Optional<SemanticModel> modelOfMeasure(String measureName) {
    return semanticModels.stream()
        .filter(model -> model.measures().stream().anyMatch(m -> m.name().equals(measureName)))
        .findFirst();
  }

  public Optional<Measure> measure(String measureName) {
    return semanticModels.stream()
        .flatMap(model -> model.measures().stream())
        .filter(measure -> measure.name().equals(measureName))
        .findFirst();
  }

  /** The model that declares a dimension, with the dimension. */
  public Optional<SemanticModel> modelOfDimension(String dimensionName) {
    return semanticModels.stream()
        .filter(model -> model.dimension(dimensionName).isPresent())
        .findFirst();
  }

  /** The model whose primary entity is this one: where the entity's dimensions live. */
  public Optional<SemanticModel> homeOfEntity(String entityName) {
    return semanticModels.stream()
        .filter(
            model ->
                model.primaryEntity().map(entity -> entity.name().equals(entityName)).orElse(false))
        .findFirst();
  }
}
