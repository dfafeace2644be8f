package io.salesdw.semantic.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a manifest whole for the mistakes that need no table schemas: duplicate names, references
 * to missing measures, metrics, entities and dimensions, entities without a home, join cycles and
 * fan-out traps, time dimensions that are not, and cycles among metrics. Each issue names the
 * element and its file and line, says what is wrong and how to fix it, and suggests the nearest
 * valid name for an unknown one. The checks that parse SQL expressions live with the compiler
 * ({@code io.salesdw.semantic.compile.ModelValidation}), which keeps this package free of Calcite.
 */
final class ManifestValidator {
  private static final String METRIC_TIME = Dimension.METRIC_TIME;
  private static final String GRAIN_SEPARATOR = TimeGrain.SEPARATOR;

  private final SemanticManifest manifest;
  private final JoinGraph joins;
  private final List<ModelIssue> issues = new ArrayList<>();

  private ManifestValidator(SemanticManifest manifest) {
    this.manifest = manifest;
    this.joins = new JoinGraph(manifest);
  }

  static List<ModelIssue> validate(SemanticManifest manifest) {
    ManifestValidator validator = new ManifestValidator(manifest);
    validator.checkNames();
    validator.checkEntities();
    validator.checkJoinCycles();
    validator.checkTimeDimensions();
    validator.checkMetricReferences();
    validator.checkMetricCycles();
    validator.checkMetricTests();
    return List.copyOf(validator.issues);
  }

  // ---- names

  private void checkNames() {
    List<SemanticModel> models = manifest.semanticModels();
    unique(models, SemanticModel::name, SemanticModel::location, "semantic model", m -> "");
    List<Measure> measures = new ArrayList<>();
    List<Dimension> dimensions = new ArrayList<>();
    Map<Object, SemanticModel> modelOf = new HashMap<>();
    for (SemanticModel model : models) {
      measures.addAll(model.measures());
      dimensions.addAll(model.dimensions());
      model.measures().forEach(measure -> modelOf.put(measure, model));
      model.dimensions().forEach(dimension -> modelOf.put(dimension, model));
      unique(
          model.entities(),
          Entity::name,
          Entity::location,
          "entity",
          entity -> " of semantic model '" + model.name() + "'");
    }
    unique(
        measures,
        Measure::name,
        Measure::location,
        "measure",
        m -> " of semantic model '" + modelOf.get(m).name() + "'");
    unique(
        dimensions,
        Dimension::name,
        Dimension::location,
        "dimension",
        d -> " of semantic model '" + modelOf.get(d).name() + "'");
    unique(manifest.metrics(), Metric::name, Metric::location, "metric", m -> "");
    for (Dimension dimension : dimensions) {
      String what =
          "dimension '"
              + dimension.name()
              + "' of semantic model '"
              + modelOf.get(dimension).name();
      if (dimension.name().equalsIgnoreCase(METRIC_TIME)) {
        issue(
            dimension.location(),
            what
                + "' has a reserved name: "
                + METRIC_TIME
                + " means each measure's agg time dimension. Rename the dimension.");
      }
      grainOf(dimension.name())
          .ifPresent(
              grain ->
                  issue(
                      dimension.location(),
                      what
                          + "' ends in '"
                          + GRAIN_SEPARATOR
                          + grain.suffix()
                          + "', which a query reads as a grain of a time dimension '"
                          + baseOf(dimension.name())
                          + "'. Rename it without the grain suffix."));
    }
  }

  /** Reports each element whose name (ignoring case) an earlier element of its kind has. */
  private <T> void unique(
      List<T> elements,
      Function<T, String> name,
      Function<T, SourceLocation> location,
      String kind,
      Function<T, String> owner) {
    Map<String, T> first = new HashMap<>();
    for (T element : elements) {
      T earlier = first.putIfAbsent(name.apply(element).toLowerCase(Locale.ROOT), element);
      if (earlier == null) {
        continue;
      }
      boolean sameCase = name.apply(earlier).equals(name.apply(element));
      String scope =
          kind.equals("entity")
              ? "An entity is declared once in a semantic model: remove one."
              : "Names of "
                  + kind
                  + "s are unique across the manifest"
                  + (kind.equals("dimension") ? ", since queries name a dimension alone" : "")
                  + ": rename one.";
      issue(
          location.apply(element),
          kind
              + " '"
              + name.apply(element)
              + "'"
              + owner.apply(element)
              + " is declared again here; the first is "
              + (sameCase ? "" : "'" + name.apply(earlier) + "' ")
              + "at "
              + location.apply(earlier)
              + owner.apply(earlier)
              + (sameCase ? "" : " (names are compared ignoring case)")
              + ". "
              + scope);
    }
  }

  // ---- entities and joins

  private void checkEntities() {
    for (SemanticModel model : manifest.semanticModels()) {
      Optional<Entity> primary = model.primaryEntity();
      for (Entity entity : model.entities()) {
        if (entity.type() == EntityType.PRIMARY && primary.isPresent() && entity != primary.get()) {
          issue(
              entity.location(),
              "semantic model '"
                  + model.name()
                  + "' declares a second primary entity '"
                  + entity.name()
                  + "'; its primary entity is '"
                  + primary.get().name()
                  + "'. A model is the home of one entity: make '"
                  + entity.name()
                  + "' unique or foreign.");
        }
      }
      primary.ifPresent(
          entity -> {
            List<SemanticModel> homes = joins.homes(entity.name());
            if (homes.size() > 1 && homes.get(0) != model) {
              issue(
                  entity.location(),
                  "entity '"
                      + entity.name()
                      + "' is the primary entity of semantic model '"
                      + model.name()
                      + "' and also of '"
                      + homes.get(0).name()
                      + "' (at "
                      + homes.get(0).primaryEntity().orElseThrow().location()
                      + "). An entity has one home, where its dimensions live: make one of them"
                      + " unique.");
            }
          });
    }
    List<String> homeNames =
        joins.models().stream()
            .flatMap(model -> model.primaryEntity().stream())
            .map(Entity::name)
            .distinct()
            .toList();
    for (SemanticModel model : manifest.semanticModels()) {
      for (Entity entity : model.entities()) {
        if (entity.type() == EntityType.FOREIGN && joins.homes(entity.name()).isEmpty()) {
          issue(
              entity.location(),
              "entity '"
                  + entity.name()
                  + "' of semantic model '"
                  + model.name()
                  + "' is foreign, but no semantic model has '"
                  + entity.name()
                  + "' as its primary entity, so it joins to nothing"
                  + NearestName.hint(entity.name(), homeNames)
                  + ". Declare it primary in the model of its dimension table, or fix the name.");
        }
      }
    }
  }

  /** A cycle of joins from foreign entities to their homes: endless and ambiguous join paths. */
  private void checkJoinCycles() {
    Map<String, SemanticModel> byName = new LinkedHashMap<>();
    joins.models().forEach(model -> byName.put(model.name(), model));
    List<List<String>> cycles =
        Cycles.find(
            List.copyOf(byName.keySet()),
            name ->
                joins.towardsHomes(byName.get(name)).stream()
                    .map(join -> join.to().name())
                    .toList());
    for (List<String> cycle : cycles) {
      StringBuilder path = new StringBuilder("'" + cycle.get(0) + "'");
      Optional<SourceLocation> firstJoin = Optional.empty();
      for (int i = 1; i < cycle.size(); i++) {
        String to = cycle.get(i);
        JoinGraph.Join join =
            joins.towardsHomes(byName.get(cycle.get(i - 1))).stream()
                .filter(j -> j.to().name().equals(to))
                .findFirst()
                .orElseThrow();
        if (firstJoin.isEmpty()) {
          firstJoin = Optional.of(join.entity().location());
        }
        path.append(" -(").append(join.entity().name()).append(")-> '").append(to).append("'");
      }
      issue(
          firstJoin.orElseThrow(),
          "semantic models join in a cycle: "
              + path
              + ". Joins lead from a foreign entity to its home, so a cycle makes join paths"
              + " endless and ambiguous. Break it: remove one of these foreign entities, or keep"
              + " its key as a categorical dimension.");
    }
  }

  // ---- time dimensions

  private void checkTimeDimensions() {
    for (SemanticModel model : manifest.semanticModels()) {
      String modelWhat = "semantic model '" + model.name() + "'";
      model
          .defaultTimeDimension()
          .ifPresent(
              name ->
                  checkTimeDimension(
                      model, name, model.location(), "default-time-dimension", modelWhat));
      for (Measure measure : model.measures()) {
        String measureWhat = "measure '" + measure.name() + "' of " + modelWhat;
        measure
            .aggTimeDimension()
            .ifPresent(
                name ->
                    checkTimeDimension(
                        model, name, measure.location(), "agg-time-dimension", measureWhat));
        if (measure.aggTimeDimension().isEmpty() && model.defaultTimeDimension().isEmpty()) {
          issue(
              measure.location(),
              measureWhat
                  + " has no agg time dimension: the measure sets no agg-time-dimension and the"
                  + " model no default-time-dimension. Set one of them to "
                  + timeDimensionsOf(model)
                  + ".");
        }
        measure
            .nonAdditiveDimension()
            .ifPresent(
                nonAdditive ->
                    checkTimeDimension(
                        model,
                        nonAdditive.timeDimension(),
                        measure.location(),
                        "non-additive-dimension",
                        measureWhat));
      }
    }
  }

  private void checkTimeDimension(
      SemanticModel model, String name, SourceLocation at, String key, String what) {
    Optional<Dimension> dimension = model.dimension(name);
    if (dimension.isEmpty()) {
      List<String> names = model.dimensions().stream().map(Dimension::name).toList();
      issue(
          at,
          key
              + " '"
              + name
              + "' of "
              + what
              + " names no dimension of the model"
              + NearestName.hint(name, names)
              + ". Name "
              + timeDimensionsOf(model)
              + ".");
    } else if (!dimension.get().isTime()) {
      issue(
          at,
          key
              + " '"
              + name
              + "' of "
              + what
              + " is a categorical dimension, not a time dimension. Name "
              + timeDimensionsOf(model)
              + ".");
    }
  }

  private static String timeDimensionsOf(SemanticModel model) {
    List<String> names =
        model.dimensions().stream().filter(Dimension::isTime).map(Dimension::name).toList();
    if (names.isEmpty()) {
      return "a time dimension of the model (it has none yet: declare one with type: time)";
    }
    return "a time dimension of the model: "
        + names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
  }

  // ---- metrics

  private void checkMetricReferences() {
    List<String> measureNames =
        manifest.semanticModels().stream()
            .flatMap(model -> model.measures().stream())
            .map(Measure::name)
            .toList();
    List<String> metricNames = manifest.metrics().stream().map(Metric::name).toList();
    for (Metric metric : manifest.metrics()) {
      if (metric instanceof SimpleMetric simple) {
        measure(metric, "measure", simple.measure(), measureNames);
      } else if (metric instanceof CumulativeMetric cumulative) {
        measure(metric, "measure", cumulative.measure(), measureNames);
      } else if (metric instanceof ConversionMetric conversion) {
        if (measure(metric, "base-measure", conversion.baseMeasure(), measureNames)) {
          conversionEntity(conversion, "base-measure", conversion.baseMeasure());
        }
        if (measure(metric, "conversion-measure", conversion.conversionMeasure(), measureNames)) {
          conversionEntity(conversion, "conversion-measure", conversion.conversionMeasure());
        }
      } else if (metric instanceof RatioMetric ratio) {
        metric(metric, "numerator", ratio.numerator(), metricNames);
        metric(metric, "denominator", ratio.denominator(), metricNames);
      } else if (metric instanceof DerivedMetric derived) {
        Set<String> references = new HashSet<>();
        for (MetricInput input : derived.inputs()) {
          metric(metric, "input", input.metric(), metricNames);
          if (!references.add(input.referenceName())) {
            issue(
                metric.location(),
                "metric '"
                    + metric.name()
                    + "' has two inputs its expr calls '"
                    + input.referenceName()
                    + "'. Give one of them an alias.");
          }
        }
      }
    }
  }

  private boolean measure(Metric metric, String key, String name, List<String> measureNames) {
    if (manifest.measure(name).isPresent()) {
      return true;
    }
    issue(
        metric.location(),
        "metric '"
            + metric.name()
            + "' has "
            + key
            + " '"
            + name
            + "', which no semantic model declares"
            + NearestName.hint(name, measureNames)
            + ". Fix the name or declare the measure.");
    return false;
  }

  private void metric(Metric metric, String key, String name, List<String> metricNames) {
    if (manifest.metric(name).isEmpty()) {
      issue(
          metric.location(),
          "metric '"
              + metric.name()
              + "' has "
              + key
              + " '"
              + name
              + "', which is not a metric"
              + NearestName.hint(name, metricNames)
              + ". Fix the name or define the metric.");
    }
  }

  private void conversionEntity(ConversionMetric metric, String key, String measure) {
    SemanticModel model = manifest.modelOfMeasure(measure).orElseThrow();
    if (model.entity(metric.entity()).isEmpty()) {
      issue(
          metric.location(),
          "metric '"
              + metric.name()
              + "' matches its events on entity '"
              + metric.entity()
              + "', which semantic model '"
              + model.name()
              + "' (of its "
              + key
              + " '"
              + measure
              + "') does not hold"
              + NearestName.hint(
                  metric.entity(), model.entities().stream().map(Entity::name).toList())
              + ". Name an entity that both measures' models hold.");
    }
  }

  private void checkMetricCycles() {
    Map<String, Metric> byKey = new LinkedHashMap<>();
    manifest.metrics().forEach(metric -> byKey.putIfAbsent(key(metric.name()), metric));
    List<List<String>> cycles =
        Cycles.find(
            List.copyOf(byKey.keySet()),
            name ->
                byKey.get(name).inputMetrics().stream()
                    .flatMap(input -> manifest.metric(input).stream())
                    .map(input -> key(input.name()))
                    .toList());
    for (List<String> cycle : cycles) {
      issue(
          byKey.get(cycle.get(0)).location(),
          "metrics are computed from each other in a cycle: "
              + cycle.stream()
                  .map(name -> "'" + byKey.get(name).name() + "'")
                  .collect(Collectors.joining(" -> "))
              + ". A metric cannot be computed from itself: remove one of these inputs.");
    }
  }

  // ---- metric tests

  private void checkMetricTests() {
    List<String> dimensionNames =
        Stream.concat(
                Stream.of(METRIC_TIME),
                manifest.semanticModels().stream()
                    .flatMap(model -> model.dimensions().stream())
                    .map(Dimension::name))
            .toList();
    for (Metric metric : manifest.metrics()) {
      Map<String, MetricTest> byName = new HashMap<>();
      for (MetricTest test : metric.tests()) {
        String what = "test '" + test.name() + "' of metric '" + metric.name() + "'";
        MetricTest earlier = byName.putIfAbsent(key(test.name()), test);
        if (earlier != null) {
          issue(
              test.location(),
              "metric '"
                  + metric.name()
                  + "' has a second test named '"
                  + test.name()
                  + "'; the first is at "
                  + earlier.location()
                  + ". Rename one.");
        }
        for (String item : test.groupBy()) {
          groupByDimension(what, test.location(), item, dimensionNames)
              .ifPresent(dimension -> checkReachable(metric, test, what, item, dimension));
        }
      }
    }
  }

  /**
   * The dimension a group-by item names (empty for {@code metric_time}, or after reporting an item
   * that names no dimension).
   */
  private Optional<SemanticModel> groupByDimension(
      String what, SourceLocation at, String item, List<String> dimensionNames) {
    if (item.equals(METRIC_TIME)) {
      return Optional.empty();
    }
    Optional<SemanticModel> whole = manifest.modelOfDimension(item);
    if (whole.isPresent()) {
      return whole;
    }
    int separator = item.lastIndexOf(GRAIN_SEPARATOR);
    if (separator > 0) {
      String base = item.substring(0, separator);
      String grain = item.substring(separator + GRAIN_SEPARATOR.length());
      Optional<SemanticModel> model = manifest.modelOfDimension(base);
      if (model.isPresent() || base.equals(METRIC_TIME)) {
        if (TimeGrain.fromSuffix(grain).isEmpty()) {
          List<String> grains = Stream.of(TimeGrain.values()).map(TimeGrain::suffix).toList();
          issue(
              at,
              what
                  + " groups by '"
                  + item
                  + "', but '"
                  + grain
                  + "' is not a grain"
                  + NearestName.hint(grain, grains)
                  + ". The grains are "
                  + String.join(", ", grains)
                  + ".");
          return Optional.empty();
        }
        if (model.isPresent() && !model.get().dimension(base).orElseThrow().isTime()) {
          issue(
              at,
              what
                  + " groups by '"
                  + item
                  + "', but '"
                  + base
                  + "' is a categorical dimension, which has no grain. Group by '"
                  + base
                  + "'.");
          return Optional.empty();
        }
        return model;
      }
    }
    issue(
        at,
        what
            + " groups by '"
            + item
            + "', which is not a dimension"
            + NearestName.hint(item, dimensionNames)
            + ". Group by a dimension, a time dimension at a grain (such as order_date__month), or "
            + METRIC_TIME
            + ".");
    return Optional.empty();
  }

  /** Every measure the metric aggregates must reach the dimension's model without a fan-out. */
  private void checkReachable(
      Metric metric, MetricTest test, String what, String item, SemanticModel dimensionModel) {
    for (String measureName : groupedMeasures(metric, new HashSet<>())) {
      Optional<SemanticModel> measureModel = manifest.modelOfMeasure(measureName);
      if (measureModel.isEmpty()
          || joins.path(measureModel.get(), dimensionModel, false).isPresent()) {
        continue;
      }
      String grouped =
          what
              + " groups by '"
              + item
              + "' of semantic model '"
              + dimensionModel.name()
              + "', which measure '"
              + measureName
              + "' of semantic model '"
              + measureModel.get().name()
              + "'";
      Optional<JoinGraph.Join> fanOut =
          joins.path(measureModel.get(), dimensionModel, true).stream()
              .flatMap(List::stream)
              .filter(JoinGraph.Join::fansOut)
              .findFirst();
      if (fanOut.isPresent()) {
        JoinGraph.Join join = fanOut.get();
        issue(
            test.location(),
            grouped
                + " reaches only over a one-to-many join (a fan-out trap): from '"
                + join.from().name()
                + "' on its primary entity '"
                + join.entity().name()
                + "' to '"
                + join.to().name()
                + "', where '"
                + join.entity().name()
                + "' is foreign, each row would be counted once per matching row. Group by a"
                + " dimension reached over foreign-to-primary joins, or define the measure on '"
                + dimensionModel.name()
                + "'.");
      } else {
        issue(
            test.location(),
            grouped
                + " cannot join to: no entity links the two. Add a foreign entity to '"
                + measureModel.get().name()
                + "' whose home leads to '"
                + dimensionModel.name()
                + "', or group by another dimension.");
      }
    }
  }

  /**
   * The measures a metric's rows come from when grouped: its own, its inputs' (through ratio and
   * derived metrics), and a conversion metric's base events.
   */
  private List<String> groupedMeasures(Metric metric, Set<String> seen) {
    if (!seen.add(key(metric.name()))) {
      return List.of(); // a cycle, reported on its own
    }
    if (metric instanceof ConversionMetric conversion) {
      return List.of(conversion.baseMeasure());
    }
    return Stream.concat(metric.inputMeasures().stream(), inputMeasures(metric, seen).stream())
        .distinct()
        .toList();
  }

  private List<String> inputMeasures(Metric metric, Set<String> seen) {
    return metric.inputMetrics().stream()
        .flatMap(input -> manifest.metric(input).stream())
        .flatMap(input -> groupedMeasures(input, seen).stream())
        .distinct()
        .toList();
  }

  // ---- helpers

  /** The grain a name ends in ({@code __month}), if it ends in one. */
  private static Optional<TimeGrain> grainOf(String name) {
    int separator = name.lastIndexOf(GRAIN_SEPARATOR);
    return separator > 0
        ? TimeGrain.fromSuffix(name.substring(separator + GRAIN_SEPARATOR.length()))
        : Optional.empty();
  }

  private static String baseOf(String name) {
    return name.substring(0, name.lastIndexOf(GRAIN_SEPARATOR));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void issue(SourceLocation at, String message) {
    issues.add(new ModelIssue(at, message));
  }
}
