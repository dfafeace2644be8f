package io.salesdw.app;

import io.salesdw.lake.DeltaTableInfo;
import io.salesdw.lake.Lake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Looks into a lake without Spark. */
@Command(
    mixinStandardHelpOptions = true,
    name = "lake",
    description = "Inspect the Delta tables of a lake (read with Delta Kernel; no Spark needed).",
    subcommands = {LakeCommand.ListTables.class})
final class LakeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Lists every Delta table under a lake root. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "ls",
      description =
          "List every Delta table under a lake with its row count, version, files, size and last"
              + " modification time.")
  static final class ListTables implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Option(
        names = "--lake",
        required = true,
        description = "Lake root: a local path or a Hadoop filesystem URI.")
    String lake;

    @Option(names = "--json", description = "Print the tables as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      List<DeltaTableInfo> tables = Lake.open(lake).tables();
      if (json) {
        JsonOutput.print(console, asJson(tables));
        return ExitCode.OK;
      }
      if (tables.isEmpty()) {
        console.result("No Delta tables under " + lake);
        return ExitCode.OK;
      }
      console.result(
          String.format(
              Locale.ROOT,
              "%-44s %12s %8s %6s %10s  %s",
              "table",
              "rows",
              "version",
              "files",
              "size",
              "last modified (UTC)"));
      for (DeltaTableInfo table : tables) {
        console.result(
            String.format(
                Locale.ROOT,
                "%-44s %12s %8d %6d %10s  %s",
                table.name(),
                Console.count(table.rowCount()),
                table.version(),
                table.fileCount(),
                Console.megabytes(table.sizeBytes()),
                table.lastModified()));
      }
      console.result(tables.size() + " tables");
      return ExitCode.OK;
    }

    private static List<Map<String, Object>> asJson(List<DeltaTableInfo> tables) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DeltaTableInfo table : tables) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", table.name());
        row.put("location", table.location());
        row.put("rows", table.rowCount());
        row.put("version", table.version());
        row.put("files", table.fileCount());
        row.put("bytes", table.sizeBytes());
        row.put("last_modified", table.lastModified().toString());
        row.put("partition_columns", table.partitionColumns());
        rows.add(row);
      }
      return rows;
    }
  }
}
