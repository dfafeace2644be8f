package io.salesdw.semantic.compile;

import static io.salesdw.semantic.compile.SqlFragments.quote;
import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Turns an analyst's SQL into SQL over the lake's tables. A query {@code FROM metrics} that asks
 * for {@code MEASURE(metric)} grouped by dimensions is compiled by {@link MetricSqlCompiler} and
 * wrapped so that its select list, {@code HAVING} (a filter on metrics), {@code ORDER BY} and
 * {@code LIMIT} apply to the compiled result; any other query is plain SQL and passes through.
 */
public final class SemanticQueryRewriter {
  /** The view analysts read metrics from. */
  public static final String METRICS_VIEW = "metrics";

  private final SemanticManifest manifest;
  private final MetricSqlCompiler compiler;

  /**
   * @param manifest a valid manifest
   * @param tableSql the SQL name of a lake table in the compiled query ({@code gold/fact_order} to
   *     {@code "gold"."fact_order"})
   */
  public SemanticQueryRewriter(SemanticManifest manifest, Function<String, String> tableSql) {
    this.manifest = requireNonNull(manifest, "manifest is null");
    this.compiler = new MetricSqlCompiler(manifest, requireNonNull(tableSql, "tableSql is null"));
  }

  /**
   * Rewrites a query.
   *
   * @throws io.salesdw.contracts.SalesdwException for a syntax error (with line and column), an
   *     unknown metric or dimension (with the nearest name) or a metric query of a shape the layer
   *     cannot answer
   */
  public RewrittenQuery rewrite(String sql) {
    requireNonNull(sql, "sql is null");
    String text = MeasureSyntax.quoteMeasureCalls(sql);
    SqlNode parsed;
    try {
      parsed = SqlParser.create(text, SqlFragments.parserConfig()).parseQuery();
    } catch (SqlParseException e) {
      throw syntaxError(sql, text, e);
    }
    SqlSelect select;
    SqlNodeList orderBy = SqlNodeList.EMPTY;
    SqlNode offset = null;
    SqlNode fetch = null;
    if (parsed instanceof SqlOrderBy ordered && ordered.query instanceof SqlSelect inner) {
      select = inner;
      orderBy = ordered.orderList;
      offset = ordered.offset;
      fetch = ordered.fetch;
    } else if (parsed instanceof SqlSelect plain) {
      select = plain;
    } else {
      return plainOrMisplaced(parsed, text);
    }
    if (!readsMetricsView(select)) {
      return plainOrMisplaced(parsed, text);
    }
    return metricQuery(select, orderBy, offset, fetch);
  }

  private RewrittenQuery plainOrMisplaced(SqlNode parsed, String text) {
    if (containsMeasure(parsed)) {
      throw SemanticQueryErrors.badMetricQuery(
          "MEASURE(...) is read from the '"
              + METRICS_VIEW
              + "' view, at the top of the query: SELECT region_name, MEASURE(revenue) FROM"
              + " metrics GROUP BY region_name.");
    }
    return new RewrittenQuery(text, false, Set.of(), List.of(), List.of());
  }

  private RewrittenQuery metricQuery(
      SqlSelect select, SqlNodeList orderBy, SqlNode offset, SqlNode fetch) {
    if (select.isDistinct()) {
      throw SemanticQueryErrors.badMetricQuery(
          "SELECT DISTINCT is not needed on metrics: each combination of the GROUP BY dimensions"
              + " is one row already.");
    }
    List<DimensionReference> groupBy = new ArrayList<>();
    Set<String> groupByNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (select.getGroup() != null) {
      for (SqlNode item : select.getGroup()) {
        if (!(item instanceof SqlIdentifier id) || !id.isSimple()) {
          throw SemanticQueryErrors.badMetricQuery(
              "GROUP BY '"
                  + SqlFragments.print(item)
                  + "': group metrics by dimension names (a time dimension with a grain such as"
                  + " metric_time__month).");
        }
        if (groupByNames.add(id.getSimple())) {
          groupBy.add(DimensionReference.parse(id.getSimple()));
        }
      }
    }
    Map<String, RequestedMetric> requested = new LinkedHashMap<>();
    Function<SqlNode, SqlNode> replaceMeasures = node -> replaceMeasures(node, requested);

    if (select.getWhere() != null && containsMeasure(select.getWhere())) {
      throw SemanticQueryErrors.badMetricQuery(
          "WHERE filters rows before metrics are computed; filter on a metric in HAVING.");
    }
    List<String> items = new ArrayList<>();
    // ORDER BY may name a select item by its alias, as in any SELECT.
    Set<String> orderable = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    orderable.addAll(groupByNames);
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        throw SemanticQueryErrors.badMetricQuery(
            "SELECT * FROM metrics: name the dimensions and MEASURE(metric)s you want; 'salesdw"
                + " metrics' lists them.");
      }
      SqlNode expression = item;
      Optional<String> alias = Optional.empty();
      if (item.getKind() == SqlKind.AS) {
        SqlBasicCall as = (SqlBasicCall) item;
        expression = as.operand(0);
        alias = Optional.of(((SqlIdentifier) as.operand(1)).getSimple());
        orderable.add(alias.get());
      }
      checkDimensionsGrouped(expression, groupByNames, "SELECT");
      boolean bareMeasure = isMeasureCall(expression);
      SqlNode rewritten = replaceMeasures.apply(expression);
      String printed = SqlFragments.print(rewritten);
      if (alias.isPresent()) {
        printed += " AS " + quote(alias.get());
      } else if (bareMeasure || rewritten instanceof SqlIdentifier) {
        String name =
            rewritten instanceof SqlIdentifier id ? id.getSimple() : SqlFragments.print(rewritten);
        printed += " AS " + quote(name);
      }
      items.add(printed);
    }
    String having = null;
    if (select.getHaving() != null) {
      checkDimensionsGrouped(select.getHaving(), groupByNames, "HAVING");
      having = SqlFragments.print(replaceMeasures.apply(select.getHaving()));
    }
    List<String> order = new ArrayList<>();
    for (SqlNode item : orderBy) {
      checkDimensionsGrouped(item, orderable, "ORDER BY");
      order.add(SqlFragments.print(replaceMeasures.apply(item)));
    }
    if (requested.isEmpty()) {
      throw SemanticQueryErrors.badMetricQuery(
          "A query FROM metrics asks for at least one MEASURE(metric).");
    }
    CompiledMetricQuery compiled =
        compiler.compile(
            new MetricQuery(
                List.copyOf(requested.values()), groupBy, Optional.ofNullable(select.getWhere())));
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(String.join(", ", items));
    sql.append("\nFROM (").append(compiled.sql()).append(") AS ").append(quote(METRICS_VIEW));
    if (having != null) {
      sql.append("\nWHERE ").append(having);
    }
    if (!order.isEmpty()) {
      sql.append("\nORDER BY ").append(String.join(", ", order));
    }
    if (fetch != null) {
      sql.append("\nLIMIT ").append(SqlFragments.print(fetch));
    }
    if (offset != null) {
      sql.append("\nOFFSET ").append(SqlFragments.print(offset)).append(" ROWS");
    }
    return new RewrittenQuery(
        sql.toString(),
        true,
        compiled.tables(),
        compiled.dimensionColumns(),
        compiled.metricColumns());
  }

  /** Every column name outside MEASURE(...) must be a GROUP BY dimension. */
  private void checkDimensionsGrouped(SqlNode node, Set<String> groupBy, String clause) {
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (isMeasureCall(call)) {
              return null;
            }
            return super.visit(call);
          }

          @Override
          public Void visit(SqlIdentifier id) {
            if (id.isSimple() && !groupBy.contains(id.getSimple())) {
              boolean isMetric = manifest.metric(id.getSimple()).isPresent();
              throw SemanticQueryErrors.badMetricQuery(
                  clause
                      + " reads '"
                      + id.getSimple()
                      + "', which is not in GROUP BY."
                      + (isMetric
                          ? " '"
                              + id.getSimple()
                              + "' is a metric: write MEASURE("
                              + id.getSimple()
                              + ")."
                          : " Add it to GROUP BY."));
            }
            return null;
          }
        });
  }

  private SqlNode replaceMeasures(SqlNode node, Map<String, RequestedMetric> requested) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            if (!isMeasureCall(call)) {
              return super.visit(call);
            }
            RequestedMetric metric = requestedMetric(call);
            RequestedMetric known = requested.putIfAbsent(metric.columnName(), metric);
            return new SqlIdentifier(
                (known == null ? metric : known).columnName(), SqlParserPos.ZERO);
          }
        });
  }

  private RequestedMetric requestedMetric(SqlCall call) {
    List<SqlNode> operands = call.getOperandList();
    if (operands.isEmpty()
        || operands.size() > 2
        || !(operands.get(0) instanceof SqlIdentifier id)
        || !id.isSimple()) {
      throw SemanticQueryErrors.badMetricQuery(
          "MEASURE takes a metric's name and, optionally, a comparison:"
              + " MEASURE(revenue) or MEASURE(revenue, 'previous_period').");
    }
    Metric metric =
        manifest
            .metric(id.getSimple())
            .orElseThrow(
                () ->
                    SemanticQueryErrors.unknownMetric(
                        id.getSimple(), manifest.metrics().stream().map(Metric::name).toList()));
    PeriodComparison comparison = PeriodComparison.NONE;
    String column = metric.name();
    if (operands.size() == 2) {
      if (!(operands.get(1) instanceof SqlCharStringLiteral literal)) {
        throw SemanticQueryErrors.unknownComparison(
            metric.name(), SqlFragments.print(operands.get(1)));
      }
      String name = literal.getValueAs(String.class);
      comparison =
          PeriodComparison.parse(name)
              .orElseThrow(() -> SemanticQueryErrors.unknownComparison(metric.name(), name));
      column = metric.name() + "__" + name.trim().toLowerCase(Locale.ROOT);
    }
    return new RequestedMetric(metric.name(), comparison, column);
  }

  private static boolean readsMetricsView(SqlSelect select) {
    SqlNode from = select.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlBasicCall) from).operand(0);
    }
    if (!(from instanceof SqlIdentifier id)) {
      return false;
    }
    List<String> names = id.names;
    String last = names.get(names.size() - 1);
    return last.equalsIgnoreCase(METRICS_VIEW)
        && (names.size() == 1 || names.get(names.size() - 2).equalsIgnoreCase("semantic"));
  }

  private static boolean containsMeasure(SqlNode node) {
    boolean[] found = {false};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (isMeasureCall(call)) {
              found[0] = true;
              return null;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }

  private static boolean isMeasureCall(SqlNode node) {
    return node instanceof SqlCall call
        && call.getOperator().getName().equalsIgnoreCase(MeasureSyntax.FUNCTION)
        && call.getKind() == SqlKind.OTHER_FUNCTION;
  }

  private static io.salesdw.contracts.SalesdwException syntaxError(
      String original, String text, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 1 : pos.getLineNum();
    int column = pos == null ? 1 : pos.getColumnNum();
    // Each quoted MEASURE before the error on its line moved it two characters right.
    String[] rewrittenLines = text.split("\n", -1);
    if (line >= 1 && line <= rewrittenLines.length) {
      String before =
          rewrittenLines[line - 1].substring(
              0, Math.max(0, Math.min(column - 1, rewrittenLines[line - 1].length())));
      column -= 2 * (before.split("\"" + MeasureSyntax.FUNCTION + "\"", -1).length - 1);
    }
    String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
    message = message.replaceAll(" at line \\d+, column \\d+\\.?", "");
    String[] lines = original.split("\n", -1);
    String excerpt =
        line >= 1 && line <= lines.length
            ? "\n  " + lines[line - 1] + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^"
            : "";
    return SemanticQueryErrors.badMetricQuery(
        "SQL syntax error at line " + line + ", column " + column + ": " + message + excerpt);
  }
}
