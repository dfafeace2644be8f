package io.salesdw.semantic.compile;

import io.salesdw.semantic.model.Aggregation;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.ModelIssue;
import io.salesdw.semantic.model.NearestName;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SourceLocation;
import io.salesdw.semantic.model.TimeSpine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The checks of a model against the lake's tables: each model's table exists, its exprs and filter
 * read only the table's columns, and their types fit what is done with them (a sum of numbers, a
 * sum_boolean of conditions, a time dimension of dates or timestamps). Expressions that do not
 * parse are skipped here: {@link ModelExpressionCheck} reports them.
 */
final class ModelColumnCheck {
  private final Function<String, Optional<RelDataType>> tableRowTypes;
  private final Collection<String> tableNames;
  private final List<ModelIssue> issues = new ArrayList<>();

  private ModelColumnCheck(
      Function<String, Optional<RelDataType>> tableRowTypes, Collection<String> tableNames) {
    this.tableRowTypes = tableRowTypes;
    this.tableNames = tableNames;
  }

  /**
   * @param tableNames the lake's tables, for the nearest name to an unknown one (may be empty)
   */
  static List<ModelIssue> check(
      SemanticManifest manifest,
      Function<String, Optional<RelDataType>> tableRowTypes,
      Collection<String> tableNames) {
    ModelColumnCheck check = new ModelColumnCheck(tableRowTypes, tableNames);
    for (SemanticModel model : manifest.semanticModels()) {
      check.checkModel(model);
    }
    manifest.timeSpine().ifPresent(check::checkTimeSpine);
    return List.copyOf(check.issues);
  }

  private void checkTimeSpine(TimeSpine spine) {
    Optional<RelDataType> row = tableRowTypes.apply(spine.table());
    if (row.isEmpty()) {
      issue(
          spine.location(),
          "the time-spine reads table "
              + spine.table()
              + ", which is not in the lake"
              + NearestName.among(spine.table(), tableNames)
                  .map(nearest -> "; nearest: " + nearest)
                  .orElse("")
              + ". Name a table with one row per day.");
      return;
    }
    RelDataTypeField field = row.get().getField(spine.column(), false, false);
    if (field == null || field.getType().getSqlTypeName() != SqlTypeName.DATE) {
      issue(
          spine.location(),
          "the time-spine's column '"
              + spine.column()
              + "' is not a DATE column of "
              + spine.table()
              + NearestName.hint(spine.column(), row.get().getFieldNames())
              + ". Name its date column.");
    }
  }

  private void checkModel(SemanticModel model) {
    Optional<RelDataType> row = tableRowTypes.apply(model.table());
    if (row.isEmpty()) {
      issue(
          model.location(),
          "semantic model '"
              + model.name()
              + "' reads table "
              + model.table()
              + ", but there is no table "
              + model.table()
              + " in the lake"
              + NearestName.among(model.table(), tableNames)
                  .map(nearest -> "; nearest: " + nearest)
                  .orElse("")
              + ". Fix the table name, or build the table first.");
      return;
    }
    Table table = new Table(model.table(), row.get());
    String of = " of semantic model '" + model.name() + "'";
    model
        .filter()
        .ifPresent(
            filter ->
                columns(
                    table,
                    filter,
                    "filter",
                    "semantic model '" + model.name() + "'",
                    model.location()));
    for (Entity entity : model.entities()) {
      columns(
          table, entity.expr(), "expr", "entity '" + entity.name() + "'" + of, entity.location());
    }
    for (Dimension dimension : model.dimensions()) {
      String what = "dimension '" + dimension.name() + "'" + of;
      Optional<SqlNode> expr = columns(table, dimension.expr(), "expr", what, dimension.location());
      if (dimension.isTime() && expr.isPresent()) {
        ExpressionTypes.typeOf(expr.get(), table.row())
            .filter(type -> !ExpressionTypes.isDateOrTimestamp(type))
            .ifPresent(
                type ->
                    issue(
                        dimension.location(),
                        "time "
                            + what
                            + " has expr '"
                            + dimension.expr()
                            + "', a "
                            + type.getName()
                            + " in table "
                            + table.name()
                            + "; a time dimension needs a DATE or a TIMESTAMP. Cast it (CAST("
                            + dimension.expr()
                            + " AS DATE)) or make the dimension categorical."));
      }
    }
    for (Measure measure : model.measures()) {
      String what = "measure '" + measure.name() + "'" + of;
      Optional<SqlNode> expr = columns(table, measure.expr(), "expr", what, measure.location());
      if (expr.isPresent()) {
        checkAggregation(table, measure, what, expr.get());
      }
    }
  }

  private void checkAggregation(Table table, Measure measure, String what, SqlNode expr) {
    Aggregation aggregation = measure.aggregation();
    Optional<SqlTypeName> type = ExpressionTypes.typeOf(expr, table.row());
    if (type.isEmpty()) {
      return;
    }
    String typeName = type.get().getName();
    if ((aggregation == Aggregation.SUM || aggregation == Aggregation.AVERAGE)
        && !ExpressionTypes.isNumeric(type.get())) {
      issue(
          measure.location(),
          what
              + " has agg "
              + aggregation.name().toLowerCase(Locale.ROOT)
              + " over expr '"
              + measure.expr()
              + "', a "
              + typeName
              + " in table "
              + table.name()
              + "; only numbers can be summed or averaged. Cast the expr to a number or choose"
              + " another agg (count, count-distinct, min, max).");
    } else if (aggregation == Aggregation.SUM_BOOLEAN && !ExpressionTypes.isBoolean(type.get())) {
      issue(
          measure.location(),
          what
              + " has agg sum-boolean over expr '"
              + measure.expr()
              + "', a "
              + typeName
              + " in table "
              + table.name()
              + "; sum-boolean counts the rows where a condition holds. Write a condition (such"
              + " as "
              + measure.expr()
              + " > 0) or choose another agg.");
    }
  }

  /**
   * Parses an expression and reports each identifier that is not a column of the table; empty when
   * it does not parse or reads an unknown column.
   */
  private Optional<SqlNode> columns(
      Table table, String expr, String key, String what, SourceLocation at) {
    Optional<SqlNode> parsed = ModelExpressions.tryParse(expr);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Set<String> unknown = new LinkedHashSet<>();
    for (SqlIdentifier identifier : ModelExpressions.identifiers(parsed.get())) {
      String column = ModelExpressions.lastName(identifier);
      if (table.row().getField(column, false, false) == null) {
        unknown.add(column);
      }
    }
    for (String column : unknown) {
      issue(
          at,
          what
              + " has "
              + key
              + " '"
              + expr
              + "', which reads column '"
              + column
              + "', but table "
              + table.name()
              + " has no such column"
              + NearestName.hint(column, table.row().getFieldNames())
              + ". Fix the "
              + key
              + ".");
    }
    return unknown.isEmpty() ? parsed : Optional.empty();
  }

  private void issue(SourceLocation at, String message) {
    issues.add(new ModelIssue(at, message));
  }

  /** A lake table: its name and its columns. */
  private record Table(String name, RelDataType row) {}
}
