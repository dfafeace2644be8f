package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.orchestration.PipelineTask;
import io.salesdw.orchestration.SalesPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command without Spark: arguments, the DAG listing, and a month without exports. */
class TestRunCommand {
  @Test
  void printDagListsTheJavaDagsTasks() throws Exception {
    CliRun run = CliRun.of("run", "--print-dag", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> ids = new ArrayList<>();
    new ObjectMapper()
        .readTree(run.out())
        .get("tasks")
        .forEach(t -> ids.add(t.get("task_id").asText()));
    assertThat(ids)
        .containsExactlyElementsOf(
            SalesPipeline.dag().order().stream().map(PipelineTask::id).toList());
  }

  @Test
  void badMonthsAreUserErrorsInOneLine() {
    CliRun both = CliRun.of("run", "--month", "2025-06", "--from", "2025-01", "--to", "2025-02");
    CliRun format = CliRun.of("run", "--month", "June");
    CliRun backward = CliRun.of("run", "--from", "2025-06", "--to", "2025-01");

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.errLines())
        .containsExactly("salesdw run: give either --month or --from/--to, not both");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.errLines())
        .containsExactly("salesdw run: --month must be yyyy-MM (for example 2025-06), got 'June'");
    assertThat(backward.errLines())
        .containsExactly(
            "salesdw run: --from 2025-06 is after --to 2025-01: give the earlier month first");
  }

  @Test
  void aMonthWithoutExportsStopsAtIngestionWithAUserErrorAndRecordsIt(@TempDir Path dir)
      throws Exception {
    Path lake = dir.resolve("lake");

    CliRun run =
        CliRun.of(
            "run",
            "--month",
            "2025-06",
            "--lake",
            lake.toString(),
            "--sources",
            dir.resolve("drops/{month}").toString(),
            "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode month = new ObjectMapper().readTree(run.out()).get("months").get(0);
    assertThat(month.get("status").asText()).isEqualTo("failed");
    JsonNode crm = month.get("tasks").get(0);
    assertThat(crm.get("task").asText()).isEqualTo("ingest_crm");
    assertThat(crm.get("result").asText()).isEqualTo("failed");
    // A user error is not retried: one attempt.
    assertThat(crm.get("attempts").asInt()).isEqualTo(1);
    assertThat(crm.get("message").asText())
        .contains("There is no crm export at " + dir.resolve("drops/2025-06/crm") + " for 2025-06");
    assertThat(month.get("tasks").get(3).get("result").asText()).isEqualTo("not_run");
    assertThat(run.err())
        .contains("salesdw run: 2025-06 stopped at ingest_crm: failed after 1 attempt:")
        .doesNotContain("starting Spark");
    assertThat(Files.readString(lake.resolve("_runs/2025-06.json"))).contains("\"FAILED\"");
  }
}
