package io.salesdw.app;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.SemanticPlan;
import io.salesdw.semantic.engine.DuckDbDialect;
import io.salesdw.semantic.engine.ExecutedQuery;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.TrinoDialect;
import io.salesdw.semantic.model.SemanticManifest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Answers SQL over the governed metrics, the gold tables and the model's catalog. */
@Command(
    mixinStandardHelpOptions = true,
    name = "sql",
    description = {
      "Run SQL through the semantic layer: governed metrics as MEASURE(metric) FROM metrics"
          + " grouped by any reachable dimension, plain SQL over the gold tables (gold.fact_order),"
          + " and the model itself (catalog.metrics, catalog.dimensions, catalog.metric_lineage).",
      "Calcite validates and plans; DuckDB runs the query in-process over the current Delta"
          + " snapshot, without Spark. The result goes to standard output; the row count and"
          + " timings to standard error."
    })
final class SqlCommand implements Callable<Integer> {
  /** Where 'salesdw demo' builds its lake, relative to the working directory. */
  static final String DEFAULT_LAKE = "salesdw-demo/lake";

  private static final Set<JDBCType> NUMBERS =
      EnumSet.of(
          JDBCType.TINYINT,
          JDBCType.SMALLINT,
          JDBCType.INTEGER,
          JDBCType.BIGINT,
          JDBCType.DECIMAL,
          JDBCType.NUMERIC,
          JDBCType.REAL,
          JDBCType.FLOAT,
          JDBCType.DOUBLE);

  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Parameters(paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(
      names = "--lake",
      paramLabel = "DIR",
      description = "Lake root (default: ./" + DEFAULT_LAKE + ").")
  String lake;

  @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
  Path model;

  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--explain",
      description =
          "Print the query as written, the SQL compiled over gold (metric queries), Calcite's"
              + " logical plan, the SQL sent to DuckDB and the same plan in Trino's dialect,"
              + " without running it.")
  boolean explain;

  @Option(
      names = "--format",
      defaultValue = "table",
      converter = OutputFormat.Converter.class,
      paramLabel = "table|csv|json",
      description =
          "table (default; NULL printed as NULL), csv (NULL is an empty field) or json (NULL is"
              + " null).")
  OutputFormat format;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    SemanticManifest manifest = ModelFiles.load(model);
    Lake opened = openLake();
    try (SemanticLayer layer = SemanticLayer.on(opened, manifest, engineOptions.open(opened))) {
      if (explain) {
        SemanticPlan plan = layer.plan(sql);
        boolean onTrino = engineOptions.engine == EngineOptions.Engine.TRINO;
        String duckDb =
            onTrino ? layer.sqlIn(plan, DuckDbDialect.INSTANCE) : plan.planned().engineSql();
        String trino =
            onTrino ? plan.planned().engineSql() : layer.sqlIn(plan, TrinoDialect.INSTANCE);
        if (format == OutputFormat.JSON) {
          JsonOutput.print(console, explainJson(plan, duckDb, trino));
        } else {
          printExplain(console, plan, duckDb, trino);
        }
        console.progress(
            String.format(
                Locale.ROOT,
                "planned in %d ms; not run (--explain)",
                plan.planningTime().toMillis()));
        return ExitCode.OK;
      }
      SemanticAnswer answer = layer.query(sql);
      ExecutedQuery executed = answer.executed();
      Duration execution = executed.refreshTime().plus(executed.executionTime());
      switch (format) {
        case TABLE -> printTable(console, answer.result());
        case CSV -> console.out().print(csv(answer.result()));
        case JSON -> JsonOutput.print(console, resultJson(answer, execution));
      }
      console.out().flush();
      int rows = answer.result().rows().size();
      console.progress(
          String.format(
              Locale.ROOT,
              "%d %s (planning %d ms, execution %d ms)",
              rows,
              rows == 1 ? "row" : "rows",
              answer.plan().planningTime().toMillis(),
              execution.toMillis()));
      return ExitCode.OK;
    }
  }

  private Lake openLake() {
    if (lake == null) {
      if (!Files.isDirectory(Path.of(DEFAULT_LAKE))) {
        throw AppErrors.noDefaultLake("./" + DEFAULT_LAKE);
      }
      return Lake.open(DEFAULT_LAKE);
    }
    return Lake.open(lake);
  }

  private void printExplain(Console console, SemanticPlan plan, String duckDb, String trino) {
    section(console, "SQL as written", plan.sql());
    if (plan.rewritten().metricQuery()) {
      section(console, "SQL over gold, compiled from the semantic model", plan.rewritten().sql());
    }
    section(console, "Calcite logical plan", plan.planned().logicalPlan());
    section(console, "DuckDB SQL (run by --engine duckdb)", duckDb);
    section(console, "Trino SQL (run by --engine trino)", trino);
  }

  private static void section(Console console, String title, String text) {
    console.result("-- " + title);
    console.result(text.stripTrailing());
    console.result("");
  }

  private static Map<String, Object> explainJson(SemanticPlan plan, String duckDb, String trino) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("sql", plan.sql());
    document.put("metricQuery", plan.rewritten().metricQuery());
    document.put("compiledSql", plan.rewritten().metricQuery() ? plan.rewritten().sql() : null);
    document.put("logicalPlan", plan.planned().logicalPlan());
    document.put("duckdbSql", duckDb);
    document.put("trinoSql", trino);
    document.put("planningMillis", plan.planningTime().toMillis());
    return document;
  }

  private static void printTable(Console console, QueryResult result) {
    List<Boolean> numeric = new ArrayList<>();
    for (ResultColumn column : result.columns()) {
      numeric.add(NUMBERS.contains(column.type()));
    }
    TextTable table = new TextTable(result.columnNames(), numeric);
    for (ResultRow row : result.rows()) {
      table.add(
          row.values().stream().map(value -> value.map(SqlCommand::text).orElse("NULL")).toList());
    }
    table.print(console);
  }

  static String csv(QueryResult result) {
    StringWriter text = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    try (CSVPrinter printer = new CSVPrinter(text, format)) {
      printer.printRecord(result.columnNames());
      for (ResultRow row : result.rows()) {
        printer.printRecord(
            row.values().stream().map(value -> value.map(SqlCommand::text).orElse(null)).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Map<String, Object> resultJson(SemanticAnswer answer, Duration execution) {
    Map<String, Object> document = new LinkedHashMap<>();
    List<Map<String, Object>> columns = new ArrayList<>();
    for (ResultColumn column : answer.result().columns()) {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("name", column.name());
      described.put("type", column.type().getName());
      columns.add(described);
    }
    document.put("columns", columns);
    List<List<Object>> rows = new ArrayList<>();
    for (ResultRow row : answer.result().rows()) {
      List<Object> values = new ArrayList<>();
      for (Optional<Object> value : row.values()) {
        values.add(value.map(SqlCommand::jsonValue).orElse(null));
      }
      rows.add(values);
    }
    document.put("rows", rows);
    document.put("planningMillis", answer.plan().planningTime().toMillis());
    document.put("executionMillis", execution.toMillis());
    document.put("tableVersions", answer.executed().tableVersions());
    return document;
  }

  /** A value as text: numbers in plain notation, dates and instants in ISO form. */
  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      return new BigDecimal(value.toString()).toPlainString();
    }
    return value.toString();
  }

  /** Numbers and booleans stay JSON numbers and booleans; everything else is text. */
  private static Object jsonValue(Object value) {
    if (value instanceof Boolean || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Number number) {
      return (value instanceof Double || value instanceof Float)
              && !Double.isFinite(number.doubleValue())
          ? number.toString()
          : number;
    }
    return value.toString();
  }
}
