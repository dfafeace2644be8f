package io.salesdw.app;

import io.salesdw.semantic.catalog.MetricLineage;
import io.salesdw.semantic.catalog.MetricLineage.GoldColumn;
import io.salesdw.semantic.catalog.ModelCatalog;
import io.salesdw.semantic.engine.InMemoryTable;
import io.salesdw.semantic.model.SemanticManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.calcite.sql.type.SqlTypeName;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the governed metrics, the dimensions and what each metric reads, from the model alone. */
@Command(
    mixinStandardHelpOptions = true,
    name = "metrics",
    description = {
      "List the semantic model's metrics with their governance (type, label, unit,"
          + " certification, owner, version, description in English and Chinese); with"
          + " --dimensions the dimensions to group and filter them by; with --lineage the gold"
          + " tables and columns each metric reads.",
      "Reads the model only: no lake, no Spark. The same rows are SQL tables: catalog.metrics,"
          + " catalog.dimensions, catalog.metric_lineage ('salesdw sql')."
    })
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
  Path model;

  @ArgGroup(exclusive = true)
  Listing listing = new Listing();

  @Option(
      names = "--json",
      description =
          "Print JSON on standard output: the metrics, each with the columns it reads (or the"
              + " dimensions with --dimensions).")
  boolean json;

  /** What to list instead of the metrics. */
  static final class Listing {
    @Option(
        names = "--dimensions",
        description =
            "List the dimensions: name, type, grains of a time dimension, semantic model, table"
                + " and expression.")
    boolean dimensions;

    @Option(
        names = "--lineage",
        description = "List the gold tables and columns each metric reads.")
    boolean lineage;
  }

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    SemanticManifest manifest = ModelFiles.load(model);
    if (listing.dimensions) {
      InMemoryTable dimensions = ModelCatalog.dimensions(manifest);
      if (json) {
        JsonOutput.print(console, Map.of("dimensions", objects(dimensions)));
      } else {
        print(
            console, dimensions, List.of("name", "type", "grains", "model", "table_name", "expr"));
      }
      console.progress(dimensions.rows().size() + " dimensions in " + ModelFiles.describe(model));
      return ExitCode.OK;
    }
    Map<String, SortedSet<GoldColumn>> lineage = MetricLineage.ofAll(manifest);
    if (json) {
      List<Map<String, Object>> metrics = objects(ModelCatalog.metrics(manifest));
      for (Map<String, Object> metric : metrics) {
        metric.put("reads", reads(lineage.get((String) metric.get("name"))));
      }
      JsonOutput.print(console, Map.of("metrics", metrics));
    } else if (listing.lineage) {
      TextTable table = TextTable.of("metric", "table", "columns");
      lineage.forEach(
          (metric, columns) ->
              byTable(columns)
                  .forEach(
                      (name, read) -> table.add(List.of(metric, name, String.join(", ", read)))));
      table.print(console);
    } else {
      print(
          console,
          ModelCatalog.metrics(manifest),
          List.of(
              "name",
              "type",
              "label",
              "unit",
              "certification",
              "owner",
              "version",
              "description_en",
              "description_zh"));
    }
    console.progress(manifest.metrics().size() + " metrics in " + ModelFiles.describe(model));
    return ExitCode.OK;
  }

  /** Prints the named columns of a catalog table; NULL as an empty cell. */
  private static void print(Console console, InMemoryTable catalog, List<String> columns) {
    List<Integer> indexes = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (String column : columns) {
      int index = indexOf(catalog, column);
      indexes.add(index);
      numeric.add(catalog.columns().get(index).type() != SqlTypeName.VARCHAR);
    }
    TextTable table = new TextTable(columns, numeric);
    for (List<Optional<Object>> row : catalog.rows()) {
      table.add(indexes.stream().map(i -> row.get(i).map(String::valueOf).orElse("")).toList());
    }
    table.print(console);
  }

  private static int indexOf(InMemoryTable table, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + column + " in " + table.name());
  }

  /** A catalog table's rows as JSON objects, keyed by column. */
  private static List<Map<String, Object>> objects(InMemoryTable table) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Optional<Object>> row : table.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        object.put(table.columns().get(i).name(), row.get(i).orElse(null));
      }
      objects.add(object);
    }
    return objects;
  }

  /** The columns a metric reads, grouped by table: [{table, columns: [...]}]. */
  private static List<Map<String, Object>> reads(SortedSet<GoldColumn> columns) {
    List<Map<String, Object>> reads = new ArrayList<>();
    byTable(columns)
        .forEach(
            (table, names) -> {
              Map<String, Object> read = new LinkedHashMap<>();
              read.put("table", table);
              read.put("columns", names);
              reads.add(read);
            });
    return reads;
  }

  private static Map<String, List<String>> byTable(SortedSet<GoldColumn> columns) {
    Map<String, List<String>> byTable = new TreeMap<>();
    for (GoldColumn column : columns) {
      byTable.computeIfAbsent(column.table(), table -> new ArrayList<>()).add(column.column());
    }
    return byTable;
  }
}
