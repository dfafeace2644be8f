package io.salesdw.semantic.compile;

import io.salesdw.semantic.model.DerivedMetric;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricInput;
import io.salesdw.semantic.model.MetricTest;
import io.salesdw.semantic.model.ModelIssue;
import io.salesdw.semantic.model.NearestName;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import io.salesdw.semantic.model.SourceLocation;
import io.salesdw.semantic.model.TimeGrain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * The checks of a model's SQL expressions that need no table schema: every expr and filter parses;
 * a derived metric's formula reads only its inputs; a metric's filter and a test's where read only
 * dimensions and entities.
 */
final class ModelExpressionCheck {
  private static final String METRIC_TIME = Dimension.METRIC_TIME;
  private static final String GRAIN_SEPARATOR = TimeGrain.SEPARATOR;

  private final SemanticManifest manifest;
  private final List<ModelIssue> issues = new ArrayList<>();

  private ModelExpressionCheck(SemanticManifest manifest) {
    this.manifest = manifest;
  }

  static List<ModelIssue> check(SemanticManifest manifest) {
    ModelExpressionCheck check = new ModelExpressionCheck(manifest);
    for (SemanticModel model : manifest.semanticModels()) {
      check.checkModel(model);
    }
    for (Metric metric : manifest.metrics()) {
      check.checkMetric(metric);
    }
    return List.copyOf(check.issues);
  }

  private void checkModel(SemanticModel model) {
    String of = " of semantic model '" + model.name() + "'";
    model
        .filter()
        .ifPresent(
            filter ->
                parse(filter, "filter", "semantic model '" + model.name() + "'", model.location()));
    for (Entity entity : model.entities()) {
      parse(entity.expr(), "expr", "entity '" + entity.name() + "'" + of, entity.location());
    }
    for (Dimension dimension : model.dimensions()) {
      parse(
          dimension.expr(),
          "expr",
          "dimension '" + dimension.name() + "'" + of,
          dimension.location());
    }
    for (Measure measure : model.measures()) {
      parse(measure.expr(), "expr", "measure '" + measure.name() + "'" + of, measure.location());
    }
  }

  private void checkMetric(Metric metric) {
    String what = "metric '" + metric.name() + "'";
    if (metric instanceof DerivedMetric derived) {
      checkFormula(derived);
    }
    if (metric instanceof SimpleMetric simple && simple.filter().isPresent()) {
      checkCondition(simple.filter().get(), "filter", what, metric.location());
    }
    for (MetricTest test : metric.tests()) {
      if (test.where().isPresent()) {
        checkCondition(
            test.where().get(), "where", "test '" + test.name() + "' of " + what, test.location());
      }
    }
  }

  /** A derived metric's expr may read its inputs, by alias or name, and nothing else. */
  private void checkFormula(DerivedMetric metric) {
    String what = "metric '" + metric.name() + "'";
    Optional<SqlNode> formula = parse(metric.expr(), "expr", what, metric.location());
    if (formula.isEmpty()) {
      return;
    }
    List<String> inputs = metric.inputs().stream().map(MetricInput::referenceName).toList();
    for (String unknown : unknown(formula.get(), inputs::contains)) {
      issue(
          metric.location(),
          what
              + " has expr '"
              + metric.expr()
              + "', which reads '"
              + unknown
              + "', not one of its inputs"
              + NearestName.hint(unknown, inputs)
              + ". Use an input's name or alias ("
              + String.join(", ", inputs)
              + "), or add the metric to its inputs.");
    }
  }

  /** A metric's filter or a test's where reads dimensions (at a grain or not) and entities. */
  private void checkCondition(String condition, String key, String what, SourceLocation at) {
    Optional<SqlNode> parsed = parse(condition, key, what, at);
    if (parsed.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    names.add(METRIC_TIME);
    for (SemanticModel model : manifest.semanticModels()) {
      model.dimensions().forEach(dimension -> names.add(dimension.name()));
      model.entities().forEach(entity -> names.add(entity.name()));
    }
    for (String unknown : unknown(parsed.get(), this::isDimensionOrEntity)) {
      issue(
          at,
          what
              + " has "
              + key
              + " '"
              + condition
              + "', which reads '"
              + unknown
              + "', not a dimension or an entity"
              + NearestName.hint(unknown, names.stream().distinct().toList())
              + ". A "
              + key
              + " names dimensions (a time dimension also at a grain, such as"
              + " order_date__month), entities and "
              + METRIC_TIME
              + ".");
    }
  }

  private boolean isDimensionOrEntity(String name) {
    if (name.equals(METRIC_TIME) || manifest.modelOfDimension(name).isPresent()) {
      return true;
    }
    if (manifest.semanticModels().stream().anyMatch(model -> model.entity(name).isPresent())) {
      return true;
    }
    int separator = name.lastIndexOf(GRAIN_SEPARATOR);
    if (separator <= 0
        || TimeGrain.fromSuffix(name.substring(separator + GRAIN_SEPARATOR.length())).isEmpty()) {
      return false;
    }
    String base = name.substring(0, separator);
    return base.equals(METRIC_TIME)
        || manifest
            .modelOfDimension(base)
            .flatMap(model -> model.dimension(base))
            .map(Dimension::isTime)
            .orElse(false);
  }

  /** The names an expression reads that are not known, each once, in order. */
  private static Set<String> unknown(SqlNode node, Predicate<String> known) {
    Set<String> unknown = new LinkedHashSet<>();
    for (SqlIdentifier identifier : ModelExpressions.identifiers(node)) {
      String name = ModelExpressions.text(identifier);
      if (!identifier.isSimple() || !known.test(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  private Optional<SqlNode> parse(String expr, String key, String what, SourceLocation at) {
    try {
      return Optional.of(ModelExpressions.parse(expr));
    } catch (SqlParseException e) {
      issue(
          at,
          what
              + " has "
              + key
              + " '"
              + expr
              + "', which is not valid SQL"
              + ModelExpressions.syntaxError(expr, e)
              + ". Fix the expression (quote a column named like a keyword: \"order\").");
      return Optional.empty();
    }
  }

  private void issue(SourceLocation at, String message) {
    issues.add(new ModelIssue(at, message));
  }
}
