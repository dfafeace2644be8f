package io.salesdw.semantic.model;

import java.util.List;
import java.util.Map;

/**
 * One model YAML file as written (kebab-case keys; absent keys are null). {@link
 * SemanticManifestLoader} turns these into the validated records.
 */
record ModelFileSpec(
    FiscalCalendarSpec fiscalCalendar,
    TimeSpineSpec timeSpine,
    List<SemanticModelSpec> semanticModels,
    List<MetricSpec> metrics) {

  record FiscalCalendarSpec(Integer firstMonth, String weekStart) {}

  record TimeSpineSpec(String table, String column) {}

  record SemanticModelSpec(
      String name,
      String table,
      String description,
      String filter,
      String defaultTimeDimension,
      List<EntitySpec> entities,
      List<DimensionSpec> dimensions,
      List<MeasureSpec> measures) {}

  record EntitySpec(String name, String type, String expr) {}

  record DimensionSpec(String name, String type, String expr, String description) {}

  record MeasureSpec(
      String name,
      String agg,
      String expr,
      String description,
      NonAdditiveSpec nonAdditiveDimension,
      String aggTimeDimension) {}

  record NonAdditiveSpec(String name, String window) {}

  record MetricSpec(
      String name,
      String type,
      String label,
      String owner,
      DescriptionSpec description,
      String unit,
      String format,
      String certification,
      Integer version,
      String measure,
      String filter,
      String numerator,
      String denominator,
      String expr,
      List<InputSpec> inputs,
      String window,
      String grainToDate,
      String entity,
      String baseMeasure,
      String conversionMeasure,
      String calculation,
      List<TestSpec> tests) {}

  record DescriptionSpec(String en, String zh) {}

  record InputSpec(String metric, String alias, String offsetWindow) {}

  record TestSpec(
      String name, List<String> groupBy, String where, List<Map<String, Object>> expect) {}
}
