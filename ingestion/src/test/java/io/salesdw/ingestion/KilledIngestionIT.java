package io.salesdw.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.silver.SilverMerge;
import io.salesdw.testing.TestingSparkSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly once under a hard crash: an ingestion JVM killed with SIGKILL right after its n-th table
 * commit, then run again, leaves the same tables as a run that was never interrupted.
 */
class KilledIngestionIT {
  /** A progress line the ingestion prints right after a commit to one table. */
  private static final Pattern COMMITTED =
      Pattern.compile("^\\s+(bronze|quarantine|silver)/\\S+: .*");

  /** Columns that hold the wall-clock time of a run, which two runs cannot share. */
  private static final Pattern RUN_TIME_COLUMN =
      Pattern.compile(
          "^_.*_at$|^(ingested|quarantined|started|finished|committed|merged|built)_at$");

  private static final SparkSession SPARK = TestingSparkSession.get();

  @TempDir static Path shared;

  private static Path reference;

  @BeforeAll
  static void landUninterrupted() {
    reference = shared.resolve("reference-lake");
    new BronzeIngestion(SPARK)
        .run(
            new IngestRequest(
                SourceSystem.CRM,
                Fixtures.directory("crm"),
                reference.toString(),
                Optional.empty()),
            line -> {});
  }

  @ParameterizedTest(name = "killed after commit {0}")
  @ValueSource(ints = {1, 4, 8})
  void rerunAfterKillLeavesTheSameTables(int commitsBeforeKill, @TempDir Path lake)
      throws Exception {
    runAndKillAfter(commitsBeforeKill, lake);
    new BronzeIngestion(SPARK)
        .run(
            new IngestRequest(
                SourceSystem.CRM, Fixtures.directory("crm"), lake.toString(), Optional.empty()),
            line -> {});

    assertThat(deltaTables(lake)).isEqualTo(deltaTables(reference));
    for (String table : deltaTables(reference)) {
      Dataset<Row> expected = comparable(reference.resolve(table));
      Dataset<Row> actual = comparable(lake.resolve(table));
      assertThat(actual.count()).as(table + " rows").isEqualTo(expected.count());
      assertThat(actual.exceptAll(expected).count()).as(table + " extra rows").isZero();
      assertThat(expected.exceptAll(actual).count()).as(table + " missing rows").isZero();
    }
  }

  @Test
  void killedRunIsCompletedNotRepeatedByASecondRerun(@TempDir Path lake) throws Exception {
    runAndKillAfter(2, lake);
    BronzeIngestion ingestion = new BronzeIngestion(SPARK);
    IngestRequest request =
        new IngestRequest(
            SourceSystem.CRM, Fixtures.directory("crm"), lake.toString(), Optional.empty());
    assertThat(ingestion.run(request, line -> {}).status()).isEqualTo(IngestResult.Status.LANDED);

    assertThat(ingestion.run(request, line -> {}).status())
        .isEqualTo(IngestResult.Status.ALREADY_LANDED);
  }

  /**
   * Runs the ingestion in a JVM of its own and kills it (SIGKILL) as soon as it reports its n-th
   * commit.
   */
  private static void runAndKillAfter(int commits, Path lake) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            IngestionProcess.class.getName(),
            "crm",
            Fixtures.directory("crm").toString(),
            lake.toString()));
    Path errors = Files.createTempFile("killed-ingestion", ".err");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    int seen = 0;
    List<String> output = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        if (COMMITTED.matcher(line).matches() && ++seen == commits) {
          process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
          break;
        }
      }
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(output)
        .as("the run must be killed before it finishes")
        .noneMatch(line -> line.startsWith("FINISHED"));
    assertThat(seen)
        .as("commits before the kill; the process said:%n%s%n%s", output, Files.readString(errors))
        .isEqualTo(commits);
  }

  private static Dataset<Row> comparable(Path table) {
    Dataset<Row> rows = SPARK.read().format("delta").load(table.toUri().toString());
    if (table.endsWith(SilverMerge.MERGES)) {
      // The silver ledger's action counters say what each run did: a re-run after a crash that
      // followed some MERGEs finds those rows already merged and counts them as stale. The state
      // it records (live rows, table version, added columns, problem) must still match.
      rows = rows.drop("rows_in", "inserted", "updated", "deleted", "stale_skipped", "quarantined");
    }
    String[] runTimes =
        Arrays.stream(rows.columns())
            .filter(column -> RUN_TIME_COLUMN.matcher(column).matches())
            .toArray(String[]::new);
    return rows.drop(runTimes);
  }

  private static TreeSet<String> deltaTables(Path lake) throws IOException {
    try (Stream<Path> paths = Files.walk(lake)) {
      TreeSet<String> tables = new TreeSet<>();
      paths
          .filter(path -> path.getFileName().toString().equals("_delta_log"))
          .forEach(log -> tables.add(lake.relativize(log.getParent()).toString()));
      return tables;
    }
  }
}
