package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandIT {
  @Test
  void twoMonthsRunEndToEndFromRawFilesAndARerunOfAFinishedMonthIsANoOp(@TempDir Path dir)
      throws Exception {
    Path sources = dir.resolve("sources");
    Path lake = dir.resolve("lake");
    CliRun generated = CliRun.of("generate", "--scale", "0.005", "--out", sources.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();

    long started = System.nanoTime();
    JsonNode may = run(lake, "2025-05", 0);
    long mayMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    JsonNode june = run(lake, "2025-06", 0);
    long juneMillis = (System.nanoTime() - started) / 1_000_000;
    System.err.printf("run --month 2025-05: %d ms; 2025-06: %d ms%n", mayMillis, juneMillis);

    for (JsonNode month : new JsonNode[] {may, june}) {
      assertThat(month.get("status").asText()).isEqualTo("succeeded");
      assertThat(result(month, "ingest_crm")).isEqualTo("succeeded");
      assertThat(result(month, "transform")).isEqualTo("succeeded");
      assertThat(result(month, "quality_gates")).isEqualTo("succeeded");
      assertThat(result(month, "reports")).isEqualTo("succeeded");
      assertThat(task(month, "dashboard_sync").get("message").asText())
          .startsWith("skipped: no Superset URL configured");
    }
    // Each month ends with its health pack, beside the lake.
    for (String month : new String[] {"2025-05", "2025-06"}) {
      Path pack = dir.resolve("reports").resolve(month);
      assertThat(pack.resolve("report.pdf")).isNotEmptyFile();
      assertThat(Files.readString(pack.resolve("index.html"))).contains(month);
    }
    // May landed the exports; June finds the same files already in the ledger.
    assertThat(task(may, "ingest_crm").get("message").asText()).contains(" landed: ");
    assertThat(task(june, "ingest_crm").get("message").asText()).contains("already landed");
    long read = task(may, "ingest_crm").get("metrics").get("rows_read").asLong();
    assertThat(read).isPositive();
    assertThat(
            task(may, "ingest_crm").get("metrics").get("rows_landed").asLong()
                + task(may, "ingest_crm").get("metrics").get("rows_quarantined").asLong())
        .isEqualTo(read);

    Path state = lake.resolve("_runs/2025-06.json");
    String stateBefore = Files.readString(state);
    Map<String, Long> versionsBefore = versions(lake);

    CliRun again = CliRun.of("run", "--month", "2025-06", "--lake", lake.toString(), "--json");

    assertThat(again.exitCode()).as(again.err()).isZero();
    JsonNode rerun = new ObjectMapper().readTree(again.out()).get("months").get(0);
    for (JsonNode task : rerun.get("tasks")) {
      assertThat(task.get("result").asText()).as(task.get("task").asText()).isEqualTo("up_to_date");
    }
    assertThat(again.err()).doesNotContain("starting Spark");
    assertThat(Files.readString(state)).isEqualTo(stateBefore);
    assertThat(versions(lake)).isEqualTo(versionsBefore);
  }

  private static JsonNode run(Path lake, String month, int expectedExit) throws Exception {
    CliRun run = CliRun.of("run", "--month", month, "--lake", lake.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
    return new ObjectMapper().readTree(run.out()).get("months").get(0);
  }

  private static JsonNode task(JsonNode month, String id) {
    for (JsonNode task : month.get("tasks")) {
      if (task.get("task").asText().equals(id)) {
        return task;
      }
    }
    throw new AssertionError("no task " + id + " in " + month);
  }

  private static String result(JsonNode month, String id) {
    return task(month, id).get("result").asText();
  }

  private static Map<String, Long> versions(Path lake) throws Exception {
    CliRun ls = CliRun.of("lake", "ls", "--lake", lake.toString(), "--json");
    assertThat(ls.exitCode()).as(ls.err()).isZero();
    Map<String, Long> versions = new HashMap<>();
    for (JsonNode table : new ObjectMapper().readTree(ls.out())) {
      versions.put(table.get("table").asText(), table.get("version").asLong());
    }
    return versions;
  }
}
