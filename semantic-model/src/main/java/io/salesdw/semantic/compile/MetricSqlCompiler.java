package io.salesdw.semantic.compile;

import static io.salesdw.semantic.compile.SqlFragments.quote;
import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.compile.Leaf.ConversionLeaf;
import io.salesdw.semantic.compile.Leaf.MeasureLeaf;
import io.salesdw.semantic.model.Aggregation;
import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.CumulativeMetric;
import io.salesdw.semantic.model.DerivedMetric;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.FiscalCalendar;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricInput;
import io.salesdw.semantic.model.NonAdditiveDimension;
import io.salesdw.semantic.model.RatioMetric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import io.salesdw.semantic.model.TimeGrain;
import io.salesdw.semantic.model.TimeSpine;
import io.salesdw.semantic.model.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Compiles a metric query into one SQL query over the lake's tables, MetricFlow's way: each measure
 * is aggregated on its own table, joined only many-to-one to reach the dimensions (so nothing is
 * counted twice), and the aggregates are then joined on the dimensions and combined into the
 * metrics. Ratios divide aggregates, never average ratios; semi-additive measures keep each
 * period's last snapshot; cumulative metrics and comparisons with earlier periods are computed on
 * the same plan.
 *
 * <p>The output is Calcite SQL over tables named by {@code tableSql}; Calcite then validates it and
 * turns it into each engine's dialect.
 */
final class MetricSqlCompiler {
  private static final String TIME = "__time";
  private static final String VALUE = "__value";
  private static final String SNAPSHOT = "__snapshot";
  private static final String ENTITY = "__entity";
  private static final String LEAF_REFERENCE = "__leaf_reference_";

  private final SemanticManifest manifest;
  private final Function<String, String> tableSql;
  private final JoinPaths joinPaths;

  /**
   * @param manifest a valid manifest
   * @param tableSql the SQL name of a lake table ({@code gold/fact_order} to {@code
   *     "gold"."fact_order"})
   */
  MetricSqlCompiler(SemanticManifest manifest, Function<String, String> tableSql) {
    this.manifest = requireNonNull(manifest, "manifest is null");
    this.tableSql = requireNonNull(tableSql, "tableSql is null");
    this.joinPaths = new JoinPaths(manifest);
  }

  /** The compiled query. */
  CompiledMetricQuery compile(MetricQuery query) {
    for (DimensionReference reference : query.groupBy()) {
      checkDimension(reference);
    }
    query.where().ifPresent(where -> SqlFragments.identifiers(where).forEach(this::checkName));
    Compilation compilation = new Compilation(query);
    Map<String, String> metricExpressions = new LinkedHashMap<>();
    for (RequestedMetric requested : query.metrics()) {
      Metric metric =
          manifest
              .metric(requested.metric())
              .orElseThrow(
                  () ->
                      SemanticQueryErrors.unknownMetric(
                          requested.metric(),
                          manifest.metrics().stream().map(Metric::name).toList()));
      Context context = compilation.context(metric, requested.comparison());
      compilation.requestedMetric = metric.name();
      metricExpressions.put(requested.columnName(), compilation.value(metric, context));
    }
    return compilation.finish(metricExpressions);
  }

  private void checkName(String name) {
    checkDimension(DimensionReference.parse(name));
  }

  private void checkDimension(DimensionReference reference) {
    if (reference.isMetricTime()) {
      return;
    }
    Optional<SemanticModel> model = manifest.modelOfDimension(reference.dimension());
    if (model.isEmpty()) {
      List<String> known = new ArrayList<>(dimensionNames());
      throw SemanticQueryErrors.unknownDimension(reference.columnName(), known);
    }
    Dimension dimension = model.get().dimension(reference.dimension()).orElseThrow();
    if (reference.grain().isPresent() && !dimension.isTime()) {
      throw SemanticQueryErrors.grainOnCategorical(reference.dimension());
    }
  }

  private List<String> dimensionNames() {
    List<String> names = new ArrayList<>();
    names.add(DimensionReference.METRIC_TIME);
    for (SemanticModel model : manifest.semanticModels()) {
      for (Dimension dimension : model.dimensions()) {
        names.add(dimension.name());
      }
    }
    return names;
  }

  /** What a metric's leaves are shifted and accumulated by, as the compiler descends into it. */
  private record Context(List<TimeWindow> offsets, Optional<Accumulation> accumulation) {
    Context withOffset(TimeWindow offset) {
      List<TimeWindow> shifted = new ArrayList<>(offsets);
      shifted.add(offset);
      return new Context(shifted, accumulation);
    }
  }

  /** A join of a wide query: the joined table's alias and the clause. */
  private record JoinClause(String alias, String sql) {}

  /** The state of compiling one query: its common table expressions and leaves. */
  private final class Compilation {
    private final MetricQuery query;
    private final List<String> dimensionColumns;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<Leaf, String> leaves = new LinkedHashMap<>();
    private final Set<String> lakeTables = new TreeSet<>();
    private final Map<String, Integer> cteCounters = new HashMap<>();
    // The query's metric being compiled, which errors name (not its measures, which the user did
    // not ask for by name).
    private String requestedMetric = "";

    Compilation(MetricQuery query) {
      this.query = query;
      this.dimensionColumns = query.groupBy().stream().map(DimensionReference::columnName).toList();
    }

    Context context(Metric metric, PeriodComparison comparison) {
      Context context = new Context(List.of(), Optional.empty());
      switch (comparison.kind()) {
        case NONE -> {}
        case PREVIOUS_PERIOD -> {
          TimeGrain grain = queryTimeGrain(metric, "compared with the previous period");
          context = context.withOffset(periodLength(grain));
        }
        case SAME_PERIOD_LAST_YEAR -> {
          queryTimeGrain(metric, "compared with the same period last year");
          context = context.withOffset(new TimeWindow(1, TimeGrain.YEAR));
        }
        case TO_DATE -> {
          queryTimeGrain(metric, "accumulated to date");
          context =
              new Context(
                  List.of(),
                  Optional.of(new Accumulation(Optional.empty(), comparison.toDateGrain())));
        }
      }
      return context;
    }

    /** The grain of the query's one time column, which comparisons and accumulation need. */
    private TimeGrain queryTimeGrain(Metric metric, String why) {
      List<DimensionReference> timeColumns =
          query.groupBy().stream().filter(this::isTimeReference).toList();
      if (timeColumns.size() != 1) {
        throw SemanticQueryErrors.timeGrainRequired(metric.name(), "is " + why);
      }
      return timeColumns.get(0).grain().orElse(TimeGrain.DAY);
    }

    private boolean isTimeReference(DimensionReference reference) {
      if (reference.isMetricTime()) {
        return true;
      }
      return manifest
          .modelOfDimension(reference.dimension())
          .flatMap(model -> model.dimension(reference.dimension()))
          .map(Dimension::isTime)
          .orElse(false);
    }

    /** The SQL expression of a metric's value, over the leaves' columns. */
    String value(Metric metric, Context context) {
      if (metric instanceof SimpleMetric simple) {
        return leafValue(
            new MeasureLeaf(
                simple.measure(), simple.filter(), context.offsets(), context.accumulation()));
      }
      if (metric instanceof RatioMetric ratio) {
        return "CAST("
            + value(metricNamed(ratio.numerator()), context)
            + " AS DOUBLE) / NULLIF(CAST("
            + value(metricNamed(ratio.denominator()), context)
            + " AS DOUBLE), 0)";
      }
      if (metric instanceof DerivedMetric derived) {
        return derivedValue(derived, context);
      }
      if (metric instanceof CumulativeMetric cumulative) {
        if (context.accumulation().isPresent()) {
          throw SemanticQueryErrors.unsupported(
              "Metric '"
                  + cumulative.name()
                  + "' is cumulative already; it cannot be accumulated to date again.");
        }
        queryTimeGrain(cumulative, "cumulative");
        return leafValue(
            new MeasureLeaf(
                cumulative.measure(),
                Optional.empty(),
                context.offsets(),
                Optional.of(new Accumulation(cumulative.window(), cumulative.grainToDate()))));
      }
      ConversionMetric conversion = (ConversionMetric) metric;
      if (context.accumulation().isPresent()) {
        throw SemanticQueryErrors.unsupported(
            "Conversion metric '" + conversion.name() + "' cannot be accumulated to date.");
      }
      // A period with base events but no conversion has no row of converted events: none
      // converted, not unknown.
      String converted =
          "COALESCE(" + leafValue(new ConversionLeaf(conversion, true, context.offsets())) + ", 0)";
      return switch (conversion.calculation()) {
        case CONVERSIONS -> converted;
        case CONVERSION_RATE ->
            "CAST("
                + converted
                + " AS DOUBLE) / NULLIF(CAST("
                + leafValue(new ConversionLeaf(conversion, false, context.offsets()))
                + " AS DOUBLE), 0)";
      };
    }

    private String derivedValue(DerivedMetric derived, Context context) {
      Map<String, String> inputs = new HashMap<>();
      for (MetricInput input : derived.inputs()) {
        Context inputContext = context;
        if (input.offsetWindow().isPresent()) {
          queryTimeGrain(derived, "offset in time by input '" + input.referenceName() + "'");
          inputContext = context.withOffset(input.offsetWindow().get());
        }
        inputs.put(
            input.referenceName(), "(" + value(metricNamed(input.metric()), inputContext) + ")");
      }
      return SqlFragments.print(
          SqlFragments.divisionsInDouble(
              SqlFragments.replaceIdentifiers(
                  SqlFragments.parse(derived.expr()),
                  name -> {
                    String replacement = inputs.get(name);
                    if (replacement == null) {
                      throw SemanticQueryErrors.unsupported(
                          "Derived metric '"
                              + derived.name()
                              + "' reads '"
                              + name
                              + "', not an input.");
                    }
                    return replacement;
                  })));
    }

    private Metric metricNamed(String name) {
      return manifest
          .metric(name)
          .orElseThrow(
              () ->
                  SemanticQueryErrors.unknownMetric(
                      name, manifest.metrics().stream().map(Metric::name).toList()));
    }

    /** The column holding a leaf's value, compiling the leaf the first time. */
    private String leafValue(Leaf leaf) {
      String reference = leaves.get(leaf);
      if (reference == null) {
        // A placeholder until every leaf is known: leaves of one model are then aggregated
        // together, in one scan.
        reference = LEAF_REFERENCE + (leaves.size() + 1);
        leaves.put(leaf, reference);
      }
      return quote(reference);
    }

    private MeasureLeaf unshifted(MeasureLeaf leaf) {
      return new MeasureLeaf(leaf.measure(), leaf.filter(), List.of(), leaf.accumulation());
    }

    /** Whether a query column moves when the leaf's measure is shifted in time. */
    private boolean shiftsWith(DimensionReference reference, MeasureLeaf leaf) {
      if (reference.isMetricTime()) {
        return true;
      }
      Measure measure = manifest.measure(leaf.measure()).orElseThrow();
      SemanticModel model = manifest.modelOfMeasure(leaf.measure()).orElseThrow();
      return aggTimeDimension(model, measure)
          .map(time -> time.name().equals(reference.dimension()))
          .orElse(false);
    }

    /**
     * Whether a shifted leaf's values are its unshifted aggregate with the time columns moved: no
     * condition reads time (it would have to hold after the shift, not before), and each shift is a
     * whole number of periods of every time column it moves (a month back from 31 March is not a
     * day grain's neighbour).
     */
    private boolean canShiftAggregate(MeasureLeaf leaf) {
      if (leaf.offsets().isEmpty()) {
        return false;
      }
      boolean timeInConditions =
          Stream.concat(
                  query.where().stream().map(SqlFragments::identifiers),
                  leaf.filter().stream().map(f -> SqlFragments.identifiers(SqlFragments.parse(f))))
              .flatMap(Set::stream)
              .map(DimensionReference::parse)
              .anyMatch(this::isTimeReference);
      if (timeInConditions) {
        return false;
      }
      for (DimensionReference reference : query.groupBy()) {
        if (isTimeReference(reference) && !shiftsWith(reference, leaf)) {
          // Another time column, which the scan would not shift either; keep the scan.
          return false;
        }
        if (shiftsWith(reference, leaf)) {
          TimeGrain grain = reference.grain().orElse(TimeGrain.DAY);
          for (TimeWindow offset : leaf.offsets()) {
            if (!wholePeriods(offset, grain)) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** Whether a leaf is a plain aggregate, which may share a scan with others of its model. */
    private boolean isPlainAggregate(Leaf leaf) {
      return leaf instanceof MeasureLeaf measureLeaf
          && measureLeaf.accumulation().isEmpty()
          && manifest.measure(measureLeaf.measure()).orElseThrow().nonAdditiveDimension().isEmpty();
    }

    /** What plain aggregates must share to be computed in one scan. */
    private List<Object> scanKey(MeasureLeaf leaf) {
      Measure measure = manifest.measure(leaf.measure()).orElseThrow();
      SemanticModel model = manifest.modelOfMeasure(leaf.measure()).orElseThrow();
      return List.of(
          model.name(),
          aggTimeDimension(model, measure).map(Dimension::name).orElse(""),
          leaf.filter(),
          leaf.offsets());
    }

    /**
     * Plain aggregates of one model, filter and shift in one scan: a column {@code __value_<i>}
     * each.
     */
    private String measureGroupLeaf(List<MeasureLeaf> group) {
      MeasureLeaf first = group.get(0);
      Measure firstMeasure = manifest.measure(first.measure()).orElseThrow();
      SemanticModel model = manifest.modelOfMeasure(first.measure()).orElseThrow();
      Optional<Dimension> aggTime = aggTimeDimension(model, firstMeasure);
      Set<String> extra = new LinkedHashSet<>();
      first.filter().ifPresent(f -> extra.addAll(SqlFragments.identifiers(SqlFragments.parse(f))));
      query.where().ifPresent(w -> extra.addAll(SqlFragments.identifiers(w)));
      extra.removeAll(dimensionColumns);
      Map<String, String> values = new LinkedHashMap<>();
      List<String> aggregates = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        Measure measure = manifest.measure(group.get(i).measure()).orElseThrow();
        String column = VALUE + "_" + (i + 1);
        values.put(column, SqlFragments.qualify(measure.expr(), "\"t0\""));
        aggregates.add(aggregate(measure.aggregation(), quote(column)) + " AS " + quote(column));
      }
      String forWhat =
          "measure " + group.stream().map(MeasureLeaf::measure).collect(Collectors.joining(", "));
      String wide = wide(model, forWhat, aggTime, first.offsets(), new ArrayList<>(extra), values);
      List<String> conditions = new ArrayList<>();
      query.where().ifPresent(w -> conditions.add(SqlFragments.print(w)));
      first.filter().ifPresent(conditions::add);
      return cte(
          "leaf",
          "SELECT "
              + columns("", dimensionColumns, aggregates.toArray(String[]::new))
              + " FROM "
              + quote(wide)
              + where(conditions)
              + groupBy("", dimensionColumns));
    }

    /** A leaf that cannot share a scan: an accumulated or a semi-additive measure. */
    private String measureLeaf(MeasureLeaf leaf) {
      Measure measure = manifest.measure(leaf.measure()).orElseThrow();
      SemanticModel model = manifest.modelOfMeasure(leaf.measure()).orElseThrow();
      String metricName = "measure " + measure.name();
      Optional<Dimension> aggTime = aggTimeDimension(model, measure);
      Set<String> extra = new LinkedHashSet<>();
      leaf.filter().ifPresent(f -> extra.addAll(SqlFragments.identifiers(SqlFragments.parse(f))));
      query.where().ifPresent(w -> extra.addAll(SqlFragments.identifiers(w)));
      List<String> extraColumns = new ArrayList<>();
      Map<String, String> extraExpressions = new LinkedHashMap<>();
      extraExpressions.put(VALUE, SqlFragments.qualify(measure.expr(), "\"t0\""));
      measure
          .nonAdditiveDimension()
          .ifPresent(
              nonAdditive ->
                  extraExpressions.put(
                      SNAPSHOT,
                      "CAST("
                          + SqlFragments.qualify(
                              model.dimension(nonAdditive.timeDimension()).orElseThrow().expr(),
                              "\"t0\"")
                          + " AS DATE)"));
      for (String name : extra) {
        if (!dimensionColumns.contains(name)) {
          extraColumns.add(name);
        }
      }
      String wide =
          wide(model, measure.name(), aggTime, leaf.offsets(), extraColumns, extraExpressions);
      List<String> conditions = new ArrayList<>();
      query.where().ifPresent(w -> conditions.add(SqlFragments.print(w)));
      leaf.filter().ifPresent(conditions::add);
      String aggregate = aggregate(measure.aggregation(), quote(VALUE));
      if (leaf.accumulation().isPresent()) {
        if (measure.nonAdditiveDimension().isPresent()) {
          throw SemanticQueryErrors.unsupported(
              "Measure '" + measure.name() + "' is semi-additive; it cannot be accumulated.");
        }
        return cumulativeLeaf(
            metricName, model, measure, aggTime, wide, conditions, leaf.accumulation().get());
      }
      // Plain aggregates share a scan in measureGroupLeaf: a leaf here is semi-additive.
      return semiAdditiveLeaf(
          model, measure.nonAdditiveDimension().orElseThrow(), wide, conditions, aggregate);
    }

    private String semiAdditiveLeaf(
        SemanticModel model,
        NonAdditiveDimension nonAdditive,
        String wide,
        List<String> conditions,
        String aggregate) {
      List<String> periodColumns = new ArrayList<>();
      for (DimensionReference reference : query.groupBy()) {
        if (isTimeReference(reference)) {
          periodColumns.add(quote(reference.columnName()));
        }
      }
      String end = nonAdditive.window() == NonAdditiveDimension.PeriodEnd.MAX ? "MAX" : "MIN";
      String snapshots =
          cte(
              "snapshots",
              "SELECT "
                  + columns("", dimensionColumns, quote(VALUE), quote(SNAPSHOT))
                  + ", "
                  + end
                  + "("
                  + quote(SNAPSHOT)
                  + ") OVER ("
                  + (periodColumns.isEmpty()
                      ? ""
                      : "PARTITION BY " + String.join(", ", periodColumns))
                  + ") AS \"__period_end\" FROM "
                  + quote(wide)
                  + where(conditions));
      return cte(
          "leaf",
          "SELECT "
              + columns("", dimensionColumns, aggregate + " AS " + quote(VALUE))
              + " FROM "
              + quote(snapshots)
              + " WHERE "
              + quote(SNAPSHOT)
              + " = \"__period_end\""
              + groupBy("", dimensionColumns));
    }

    private String cumulativeLeaf(
        String what,
        SemanticModel model,
        Measure measure,
        Optional<Dimension> aggTime,
        String wide,
        List<String> conditions,
        Accumulation accumulation) {
      if (aggTime.isEmpty()) {
        throw SemanticQueryErrors.unsupported(
            "Measure '" + measure.name() + "' has no time dimension to accumulate over.");
      }
      DimensionReference timeColumn =
          query.groupBy().stream()
              .filter(this::isTimeReference)
              .findFirst()
              .orElseThrow(
                  () -> SemanticQueryErrors.timeGrainRequired(measure.name(), "is cumulative"));
      // The rows accumulate by their own time: another time dimension (a rep's hire date) would
      // only pick periods to compare the rows' times with, and sum the wrong rows.
      if (!timeColumn.isMetricTime() && !timeColumn.dimension().equals(aggTime.get().name())) {
        throw SemanticQueryErrors.timeGrainRequired(
            requestedMetric,
            "accumulates over "
                + aggTime.get().name()
                + ", not over '"
                + timeColumn.columnName()
                + "'");
      }
      TimeGrain grain = timeColumn.grain().orElse(TimeGrain.DAY);
      String period = "\"p\"." + quote(timeColumn.columnName());
      // Conditions on the query's time column pick the periods shown; they must not drop the
      // earlier rows a period accumulates, so the rows are filtered by the other conditions only.
      List<String> rowConditions = new ArrayList<>();
      List<String> periodConditions = new ArrayList<>();
      for (String condition : conditions) {
        for (SqlNode conjunct : conjuncts(SqlFragments.parse(condition))) {
          Set<String> names = SqlFragments.identifiers(conjunct);
          boolean onTime =
              names.stream().map(DimensionReference::parse).anyMatch(this::isTimeReference);
          if (onTime && dimensionColumns.containsAll(names)) {
            periodConditions.add(SqlFragments.print(conjunct));
          } else {
            rowConditions.add(SqlFragments.print(conjunct));
          }
        }
      }
      List<String> otherColumns =
          dimensionColumns.stream().filter(c -> !c.equals(timeColumn.columnName())).toList();
      String periods;
      if (manifest.timeSpine().isPresent()) {
        TimeSpine spine = manifest.timeSpine().get();
        lakeTables.add(spine.table());
        String day = "\"s\"." + quote(spine.column());
        String rows = " FROM " + quote(wide) + where(rowConditions);
        StringBuilder spineSql = new StringBuilder("SELECT DISTINCT ");
        for (String column : otherColumns) {
          spineSql.append("\"o\".").append(quote(column)).append(", ");
        }
        spineSql
            .append(floor(day, grain))
            .append(" AS ")
            .append(quote(timeColumn.columnName()))
            .append(" FROM ")
            .append(tableSql.apply(spine.table()))
            .append(" AS \"s\"");
        if (!otherColumns.isEmpty()) {
          spineSql
              .append(" CROSS JOIN (SELECT DISTINCT ")
              .append(columns("", otherColumns))
              .append(rows)
              .append(") AS \"o\"");
        }
        spineSql
            .append(" WHERE ")
            .append(day)
            .append(" >= (SELECT MIN(")
            .append(quote(TIME))
            .append(")")
            .append(rows)
            .append(") AND ")
            .append(day)
            .append(" <= (SELECT MAX(")
            .append(quote(TIME))
            .append(")")
            .append(rows)
            .append(")");
        periods =
            cte(
                "periods",
                "SELECT * FROM (" + spineSql + ") AS \"spine\"" + where(periodConditions));
      } else {
        periods =
            cte(
                "periods",
                "SELECT DISTINCT "
                    + columns("", dimensionColumns)
                    + " FROM "
                    + quote(wide)
                    + where(conditions));
      }
      String periodEnd = "CAST(" + period + " + " + interval(periodLength(grain)) + " AS DATE)";
      List<String> join = new ArrayList<>();
      for (String column : dimensionColumns) {
        if (!column.equals(timeColumn.columnName())) {
          join.add("\"p\"." + quote(column) + " IS NOT DISTINCT FROM \"w\"." + quote(column));
        }
      }
      join.add("\"w\"." + quote(TIME) + " < " + periodEnd);
      accumulation
          .window()
          .ifPresent(
              window ->
                  join.add(
                      "\"w\"."
                          + quote(TIME)
                          + " >= CAST("
                          + periodEnd
                          + " - "
                          + interval(window)
                          + " AS DATE)"));
      accumulation
          .grainToDate()
          .ifPresent(toDate -> join.add("\"w\"." + quote(TIME) + " >= " + floor(period, toDate)));
      return cte(
          "leaf",
          "SELECT "
              + columns(
                  "\"p\".",
                  dimensionColumns,
                  aggregate(measure.aggregation(), "\"w\"." + quote(VALUE)) + " AS " + quote(VALUE))
              + " FROM "
              + quote(periods)
              + " AS \"p\" JOIN (SELECT * FROM "
              + quote(wide)
              + where(rowConditions)
              + ") AS \"w\" ON "
              + String.join(" AND ", join)
              + groupBy("\"p\".", dimensionColumns));
    }

    private String conversionLeaf(ConversionLeaf leaf) {
      ConversionMetric metric = leaf.metric();
      Measure baseMeasure = manifest.measure(metric.baseMeasure()).orElseThrow();
      SemanticModel baseModel = manifest.modelOfMeasure(metric.baseMeasure()).orElseThrow();
      Measure conversionMeasure = manifest.measure(metric.conversionMeasure()).orElseThrow();
      SemanticModel conversionModel =
          manifest.modelOfMeasure(metric.conversionMeasure()).orElseThrow();
      Entity baseEntity = baseModel.entity(metric.entity()).orElseThrow();
      Entity conversionEntity = conversionModel.entity(metric.entity()).orElseThrow();
      Optional<Dimension> baseTime = aggTimeDimension(baseModel, baseMeasure);
      Optional<Dimension> conversionTime = aggTimeDimension(conversionModel, conversionMeasure);
      if (baseTime.isEmpty() || conversionTime.isEmpty()) {
        throw SemanticQueryErrors.unsupported(
            "Conversion metric '" + metric.name() + "' needs a time dimension on both measures.");
      }
      Set<String> extra = new LinkedHashSet<>();
      query.where().ifPresent(w -> extra.addAll(SqlFragments.identifiers(w)));
      extra.removeAll(dimensionColumns);
      Map<String, String> baseExpressions = new LinkedHashMap<>();
      baseExpressions.put(VALUE, eventCondition(baseMeasure));
      baseExpressions.put(ENTITY, SqlFragments.qualify(baseEntity.expr(), "\"t0\""));
      String baseWide =
          wide(
              baseModel,
              metric.name(),
              baseTime,
              leaf.offsets(),
              new ArrayList<>(extra),
              baseExpressions);
      List<String> conditions = new ArrayList<>();
      conditions.add(quote(VALUE));
      query.where().ifPresent(w -> conditions.add(SqlFragments.print(w)));
      String baseEvents =
          cte(
              "base_events",
              "SELECT "
                  + columns("", dimensionColumns, quote(ENTITY), quote(TIME))
                  + " FROM "
                  + quote(baseWide)
                  + where(conditions));
      if (!leaf.converted()) {
        return cte(
            "leaf",
            "SELECT "
                + columns("", dimensionColumns, "COUNT(*) AS " + quote(VALUE))
                + " FROM "
                + quote(baseEvents)
                + groupBy("", dimensionColumns));
      }
      lakeTables.add(conversionModel.table());
      String conversionTimeSql =
          shifted(
              "CAST(" + SqlFragments.qualify(conversionTime.get().expr(), "\"t0\"") + " AS DATE)",
              leaf.offsets());
      List<String> conversionConditions = new ArrayList<>();
      conversionModel
          .filter()
          .ifPresent(f -> conversionConditions.add(SqlFragments.qualify(f, "\"t0\"")));
      conversionConditions.add(eventCondition(conversionMeasure));
      String conversions =
          cte(
              "conversions",
              "SELECT "
                  + SqlFragments.qualify(conversionEntity.expr(), "\"t0\"")
                  + " AS "
                  + quote(ENTITY)
                  + ", "
                  + conversionTimeSql
                  + " AS "
                  + quote(TIME)
                  + " FROM "
                  + tableSql.apply(conversionModel.table())
                  + " AS \"t0\""
                  + where(conversionConditions));
      // A base event converted when its entity has a conversion event within the window after
      // it; EXISTS counts it once however many conversions follow.
      return cte(
          "leaf",
          "SELECT "
              + columns("\"b\".", dimensionColumns, "COUNT(*) AS " + quote(VALUE))
              + " FROM "
              + quote(baseEvents)
              + " AS \"b\" WHERE EXISTS (SELECT 1 FROM "
              + quote(conversions)
              + " AS \"c\" WHERE \"c\"."
              + quote(ENTITY)
              + " = \"b\"."
              + quote(ENTITY)
              + " AND \"c\"."
              + quote(TIME)
              + " >= \"b\"."
              + quote(TIME)
              + " AND \"c\"."
              + quote(TIME)
              + " <= CAST(\"b\"."
              + quote(TIME)
              + " + "
              + interval(metric.window())
              + " AS DATE))"
              + groupBy("\"b\".", dimensionColumns));
    }

    /** A base or conversion event: a row the measure counts. */
    private String eventCondition(Measure measure) {
      String expr = SqlFragments.qualify(measure.expr(), "\"t0\"");
      return measure.aggregation() == Aggregation.SUM_BOOLEAN
          ? "COALESCE(" + expr + ", FALSE)"
          : "(" + expr + ") IS NOT NULL";
    }

    /**
     * The rows of a measure's model with every column a leaf needs: the query's dimensions (joined
     * many-to-one as far as needed), the columns its conditions read, and the measure's own.
     */
    private String wide(
        SemanticModel model,
        String forWhat,
        Optional<Dimension> aggTime,
        List<TimeWindow> offsets,
        List<String> extraColumns,
        Map<String, String> expressions) {
      lakeTables.add(model.table());
      Map<String, JoinClause> joins = new LinkedHashMap<>();
      List<String> select = new ArrayList<>();
      Optional<String> time =
          aggTime.map(
              dimension ->
                  shifted(
                      "CAST(" + SqlFragments.qualify(dimension.expr(), "\"t0\"") + " AS DATE)",
                      offsets));
      List<String> names = new ArrayList<>(dimensionColumns);
      names.addAll(extraColumns);
      for (String name : names) {
        DimensionReference reference = DimensionReference.parse(name);
        String expression;
        if (reference.isMetricTime()
            || (aggTime.isPresent() && aggTime.get().name().equals(reference.dimension()))) {
          if (time.isEmpty()) {
            throw SemanticQueryErrors.unsupported(
                "Semantic model '"
                    + model.name()
                    + "' has no time dimension for metric_time; "
                    + forWhat
                    + " cannot be grouped by time.");
          }
          expression = reference.grain().map(g -> floor(time.get(), g)).orElse(time.get());
        } else {
          SemanticModel home = manifest.modelOfDimension(reference.dimension()).orElseThrow();
          Dimension dimension = home.dimension(reference.dimension()).orElseThrow();
          String alias = joinAlias(model, home, reference.dimension(), joins);
          String column = SqlFragments.qualify(dimension.expr(), alias);
          expression =
              reference.grain().map(g -> floor("CAST(" + column + " AS DATE)", g)).orElse(column);
        }
        select.add(expression + " AS " + quote(name));
      }
      time.ifPresent(t -> select.add(t + " AS " + quote(TIME)));
      expressions.forEach((name, expression) -> select.add(expression + " AS " + quote(name)));
      StringBuilder sql = new StringBuilder("SELECT ");
      sql.append(String.join(", ", select));
      sql.append(" FROM ").append(tableSql.apply(model.table())).append(" AS \"t0\"");
      joins.values().forEach(join -> sql.append(' ').append(join.sql()));
      List<String> conditions = new ArrayList<>();
      model.filter().ifPresent(f -> conditions.add(SqlFragments.qualify(f, "\"t0\"")));
      sql.append(where(conditions));
      return cte("wide", sql.toString());
    }

    /** The alias of a dimension's model in a wide query, adding the joins that reach it. */
    private String joinAlias(
        SemanticModel from, SemanticModel home, String dimension, Map<String, JoinClause> joins) {
      List<JoinStep> steps =
          joinPaths
              .path(from, home)
              .orElseThrow(
                  () ->
                      SemanticQueryErrors.unreachableDimension(
                          dimension, requestedMetric, from.name()));
      String alias = "\"t0\"";
      StringBuilder pathKey = new StringBuilder();
      for (JoinStep step : steps) {
        pathKey.append('/').append(step.entity().name()).append('>').append(step.to().name());
        String key = pathKey.toString();
        String previous = alias;
        JoinClause existing = joins.get(key);
        if (existing != null) {
          alias = existing.alias();
          continue;
        }
        alias = "\"t" + (joins.size() + 1) + "\"";
        Entity target = step.to().entity(step.entity().name()).orElseThrow();
        StringBuilder join =
            new StringBuilder("LEFT JOIN ")
                .append(tableSql.apply(step.to().table()))
                .append(" AS ")
                .append(alias)
                .append(" ON ")
                .append(SqlFragments.qualify(step.entity().expr(), previous))
                .append(" = ")
                .append(SqlFragments.qualify(target.expr(), alias));
        String finalAlias = alias;
        step.to()
            .filter()
            .ifPresent(
                f -> join.append(" AND (").append(SqlFragments.qualify(f, finalAlias)).append(')'));
        joins.put(key, new JoinClause(alias, join.toString()));
        lakeTables.add(step.to().table());
      }
      return alias;
    }

    private Optional<Dimension> aggTimeDimension(SemanticModel model, Measure measure) {
      return measure.aggTimeDimension().or(model::defaultTimeDimension).flatMap(model::dimension);
    }

    private String cte(String kind, String sql) {
      int number = cteCounters.merge(kind, 1, Integer::sum);
      String name = kind + "_" + number;
      tables.put(name, sql);
      return name;
    }

    CompiledMetricQuery finish(Map<String, String> metricExpressions) {
      Map<String, String> columnOfReference = new LinkedHashMap<>();
      Map<String, Boolean> leafIsShifted = new LinkedHashMap<>();
      Map<List<Object>, List<MeasureLeaf>> scans = new LinkedHashMap<>();
      List<MeasureLeaf> shiftedFromAggregates = new ArrayList<>();
      for (Leaf leaf : leaves.keySet()) {
        if (!isPlainAggregate(leaf)) {
          continue;
        }
        MeasureLeaf measureLeaf = (MeasureLeaf) leaf;
        if (canShiftAggregate(measureLeaf)) {
          // Last year's value is this year's aggregate moved a year on: no second scan.
          shiftedFromAggregates.add(measureLeaf);
          measureLeaf = unshifted(measureLeaf);
        }
        List<MeasureLeaf> group =
            scans.computeIfAbsent(scanKey(measureLeaf), key -> new ArrayList<>());
        if (!group.contains(measureLeaf)) {
          group.add(measureLeaf);
        }
      }
      Map<MeasureLeaf, String> columnOfLeaf = new LinkedHashMap<>();
      for (List<MeasureLeaf> group : scans.values()) {
        String name = measureGroupLeaf(group);
        for (int i = 0; i < group.size(); i++) {
          String column = quote(name) + "." + quote(VALUE + "_" + (i + 1));
          columnOfLeaf.put(group.get(i), column);
          String reference = leaves.get(group.get(i));
          if (reference != null) {
            columnOfReference.put(reference, column);
          }
        }
        leafIsShifted.put(name, !group.get(0).offsets().isEmpty());
      }
      for (MeasureLeaf shifted : shiftedFromAggregates) {
        String source = columnOfLeaf.get(unshifted(shifted));
        String sourceTable = source.substring(0, source.indexOf("\".\"") + 1);
        String sourceColumn = source.substring(source.indexOf("\".\"") + 2);
        List<String> select = new ArrayList<>();
        for (DimensionReference reference : query.groupBy()) {
          String column = quote(reference.columnName());
          select.add(
              (shiftsWith(reference, shifted) ? shifted(column, shifted.offsets()) : column)
                  + " AS "
                  + column);
        }
        select.add(sourceColumn + " AS " + quote(VALUE));
        String name =
            cte("shifted", "SELECT " + String.join(", ", select) + " FROM " + sourceTable);
        columnOfReference.put(leaves.get(shifted), quote(name) + "." + quote(VALUE));
        leafIsShifted.put(name, true);
      }
      for (Map.Entry<Leaf, String> entry : leaves.entrySet()) {
        Leaf leaf = entry.getKey();
        if (isPlainAggregate(leaf)) {
          continue;
        }
        String name =
            leaf instanceof MeasureLeaf measureLeaf
                ? measureLeaf(measureLeaf)
                : conversionLeaf((ConversionLeaf) leaf);
        columnOfReference.put(entry.getValue(), quote(name) + "." + quote(VALUE));
        leafIsShifted.put(name, !leaf.offsets().isEmpty());
      }
      List<String> leafNames = new ArrayList<>(leafIsShifted.keySet());
      // A shifted leaf (last year's value) only fills in the periods the others have: it must not
      // add a period after the last one with data.
      List<String> unshifted =
          leafIsShifted.entrySet().stream()
              .filter(entry -> !entry.getValue())
              .map(Map.Entry::getKey)
              .toList();
      List<String> keyLeaves = unshifted.isEmpty() ? leafNames : unshifted;
      Map<String, String> resolved = new LinkedHashMap<>();
      metricExpressions.forEach(
          (name, expression) -> {
            String text = expression;
            for (Map.Entry<String, String> reference : columnOfReference.entrySet()) {
              text = text.replace(quote(reference.getKey()), reference.getValue());
            }
            resolved.put(name, text);
          });
      StringBuilder sql = new StringBuilder("WITH ");
      sql.append(
          tables.entrySet().stream()
              .map(e -> quote(e.getKey()) + " AS (" + e.getValue() + ")")
              .collect(Collectors.joining(",\n  ")));
      List<String> select = new ArrayList<>();
      String from;
      if (leafNames.size() == 1) {
        String leaf = leafNames.get(0);
        dimensionColumns.forEach(c -> select.add(quote(leaf) + "." + quote(c)));
        from = quote(leaf);
      } else if (keyLeaves.size() == 1 && !dimensionColumns.isEmpty()) {
        // One leaf holds every row (the others are shifted onto its periods): no union needed.
        String key = keyLeaves.get(0);
        dimensionColumns.forEach(c -> select.add(quote(key) + "." + quote(c)));
        StringBuilder joined = new StringBuilder(quote(key));
        for (String leaf : leafNames) {
          if (leaf.equals(key)) {
            continue;
          }
          joined.append(" LEFT JOIN ").append(quote(leaf)).append(" ON ");
          joined.append(
              dimensionColumns.stream()
                  .map(
                      c ->
                          quote(key)
                              + "."
                              + quote(c)
                              + " IS NOT DISTINCT FROM "
                              + quote(leaf)
                              + "."
                              + quote(c))
                  .collect(Collectors.joining(" AND ")));
        }
        from = joined.toString();
      } else if (dimensionColumns.isEmpty()) {
        from =
            leafNames.stream().map(SqlFragments::quote).collect(Collectors.joining(" CROSS JOIN "));
      } else {
        sql.append(",\n  \"keys\" AS (")
            .append(
                keyLeaves.stream()
                    .map(leaf -> "SELECT " + columns("", dimensionColumns) + " FROM " + quote(leaf))
                    .collect(Collectors.joining(" UNION ")))
            .append(')');
        dimensionColumns.forEach(c -> select.add("\"keys\"." + quote(c)));
        StringBuilder joined = new StringBuilder("\"keys\"");
        for (String leaf : leafNames) {
          joined.append(" LEFT JOIN ").append(quote(leaf)).append(" ON ");
          joined.append(
              dimensionColumns.stream()
                  .map(
                      c ->
                          "\"keys\"."
                              + quote(c)
                              + " IS NOT DISTINCT FROM "
                              + quote(leaf)
                              + "."
                              + quote(c))
                  .collect(Collectors.joining(" AND ")));
        }
        from = joined.toString();
      }
      resolved.forEach((name, expression) -> select.add(expression + " AS " + quote(name)));
      sql.append("\nSELECT ").append(String.join(", ", select)).append("\nFROM ").append(from);
      return new CompiledMetricQuery(
          sql.toString(), dimensionColumns, List.copyOf(metricExpressions.keySet()), lakeTables);
    }
  }

  private TimeWindow periodLength(TimeGrain grain) {
    return switch (grain) {
      case DAY -> new TimeWindow(1, TimeGrain.DAY);
      case WEEK -> new TimeWindow(1, TimeGrain.WEEK);
      case MONTH -> new TimeWindow(1, TimeGrain.MONTH);
      case QUARTER, FISCAL_QUARTER -> new TimeWindow(1, TimeGrain.QUARTER);
      case YEAR, FISCAL_YEAR -> new TimeWindow(1, TimeGrain.YEAR);
    };
  }

  /** The first day of the period of {@code grain} a date falls in, as a DATE. */
  private String floor(String date, TimeGrain grain) {
    FiscalCalendar calendar = manifest.fiscalCalendar();
    return switch (grain) {
      case DAY -> "CAST(" + date + " AS DATE)";
      case WEEK -> {
        // Engines start weeks on Monday; shift so that the calendar's week start lands there.
        int shift = (8 - calendar.weekStart().getValue()) % 7;
        yield shift == 0
            ? "CAST(FLOOR(" + date + " TO WEEK) AS DATE)"
            : "CAST(FLOOR("
                + date
                + " + INTERVAL '"
                + shift
                + "' DAY TO WEEK) - INTERVAL '"
                + shift
                + "' DAY AS DATE)";
      }
      case MONTH, QUARTER, YEAR -> "CAST(FLOOR(" + date + " TO " + grain.name() + ") AS DATE)";
      case FISCAL_QUARTER, FISCAL_YEAR -> {
        int shift = calendar.firstMonth().getValue() - 1;
        String unit = grain == TimeGrain.FISCAL_QUARTER ? "QUARTER" : "YEAR";
        yield shift == 0
            ? "CAST(FLOOR(" + date + " TO " + unit + ") AS DATE)"
            : "CAST(FLOOR("
                + date
                + " - INTERVAL '"
                + shift
                + "' MONTH TO "
                + unit
                + ") + INTERVAL '"
                + shift
                + "' MONTH AS DATE)";
      }
    };
  }

  /** Whether a shift moves a period of the grain onto exactly one other period of it. */
  private static boolean wholePeriods(TimeWindow offset, TimeGrain grain) {
    int offsetMonths = offset.unit().months() * offset.count();
    if (grain.months() > 0) {
      return offsetMonths > 0 && offsetMonths % grain.months() == 0;
    }
    int offsetDays =
        switch (offset.unit()) {
          case DAY -> offset.count();
          case WEEK -> 7 * offset.count();
          default -> -1;
        };
    return offsetDays > 0 && (grain == TimeGrain.DAY || offsetDays % 7 == 0);
  }

  private static String shifted(String date, List<TimeWindow> offsets) {
    String shifted = date;
    for (TimeWindow offset : offsets) {
      shifted = "CAST(" + shifted + " + " + interval(offset) + " AS DATE)";
    }
    return shifted;
  }

  private static String interval(TimeWindow window) {
    return switch (window.unit()) {
      case DAY -> "INTERVAL '" + window.count() + "' DAY";
      case WEEK -> "INTERVAL '" + (7 * window.count()) + "' DAY";
      case MONTH -> "INTERVAL '" + window.count() + "' MONTH";
      case QUARTER -> "INTERVAL '" + (3 * window.count()) + "' MONTH";
      case YEAR -> "INTERVAL '" + (12 * window.count()) + "' MONTH";
      case FISCAL_QUARTER, FISCAL_YEAR ->
          throw new IllegalArgumentException("a window is in calendar units: " + window);
    };
  }

  private static String aggregate(Aggregation aggregation, String value) {
    return switch (aggregation) {
      case SUM -> "SUM(" + value + ")";
      case COUNT -> "COUNT(" + value + ")";
      case COUNT_DISTINCT -> "COUNT(DISTINCT " + value + ")";
      case MIN -> "MIN(" + value + ")";
      case MAX -> "MAX(" + value + ")";
      case AVERAGE -> "AVG(CAST(" + value + " AS DOUBLE))";
      case SUM_BOOLEAN -> "SUM(CASE WHEN " + value + " THEN 1 ELSE 0 END)";
    };
  }

  private static List<SqlNode> conjuncts(SqlNode condition) {
    if (condition.getKind() == SqlKind.AND) {
      List<SqlNode> all = new ArrayList<>();
      for (SqlNode operand : ((SqlBasicCall) condition).getOperandList()) {
        all.addAll(conjuncts(operand));
      }
      return all;
    }
    return List.of(condition);
  }

  private static String columns(String prefix, List<String> names, String... more) {
    List<String> all = new ArrayList<>();
    names.forEach(name -> all.add(prefix + quote(name)));
    all.addAll(List.of(more));
    return all.isEmpty() ? "1 AS \"__one\"" : String.join(", ", all);
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty()
        ? ""
        : " WHERE "
            + conditions.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" AND "));
  }

  private static String groupBy(String prefix, List<String> names) {
    return names.isEmpty()
        ? ""
        : " GROUP BY "
            + names.stream().map(n -> prefix + quote(n)).collect(Collectors.joining(", "));
  }
}
