package io.salesdw.app;

import static io.salesdw.orchestration.airflow.TestingAirflowServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.orchestration.airflow.AirflowApiVersion;
import io.salesdw.orchestration.airflow.TestingAirflowServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdw airflow} against the stub Airflow, which checks each call against the specs. */
class TestAirflowCommand {
  @TempDir Path root;

  private TestingAirflowServer server;

  @AfterEach
  void noSpecViolations() {
    server.close();
    server.assertNoViolations();
  }

  private CliRun airflow(String password, String... args) throws Exception {
    Path file = root.resolve("password");
    Files.writeString(file, password + "\n");
    List<String> all = new ArrayList<>(List.of("airflow"));
    all.addAll(List.of(args));
    all.addAll(List.of("--url", server.url().toString(), "--password-file", file.toString()));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.out() + run.err()).doesNotContain(password);
    return run;
  }

  @Test
  void triggerWaitsForTheRunAndShowsItsTasks() throws Exception {
    server = TestingAirflowServer.start(AirflowApiVersion.V2);

    CliRun run =
        airflow(PASSWORD, "trigger", "--month", "2026-03", "--wait", "--poll-interval", "0.01");

    assertThat(run.exitCode()).isZero();
    List<String> out = run.out().lines().toList();
    assertThat(out.get(0)).isEqualTo("salesdw__2026-03 success");
    assertThat(out.get(1)).matches("task +state +try +duration_s");
    assertThat(out.subList(3, out.size()))
        .containsExactly(
            String.format("%-13s  %-7s  %3s  %10s", "ingest_crm", "success", "1", "30.0"),
            String.format("%-13s  %-7s  %3s  %10s", "ingest_erp", "success", "1", "30.0"),
            String.format("%-13s  %-7s  %3s  %10s", "transform", "success", "1", "30.0"),
            String.format("%-13s  %-7s  %3s  %10s", "quality_gates", "success", "1", "30.0"),
            String.format("%-13s  %-7s  %3s  %10s", "reports", "success", "1", "30.0"));
    assertThat(run.errLines())
        .first()
        .isEqualTo("Airflow 3 (/api/v2) at " + server.url() + " as admin");
    assertThat(run.err())
        .contains(
            "Triggered salesdw__2026-03 of salesdw_monthly, logical date 2026-03-01T00:00:00Z")
        .contains("salesdw__2026-03: running after")
        .contains("salesdw__2026-03 of salesdw_monthly: success; 5 tasks: 5 success");
  }

  @Test
  void aFailedRunExitsWithOneAndStatusSaysWhichTaskFailed() throws Exception {
    server = TestingAirflowServer.start(AirflowApiVersion.V1);
    server.failTask("quality_gates");

    CliRun trigger =
        airflow(PASSWORD, "trigger", "--month", "2026-03", "--wait", "--poll-interval", "0.01");
    CliRun status = airflow(PASSWORD, "status", "--month", "2026-03", "--json", "--api", "v1");

    assertThat(trigger.exitCode()).isEqualTo(1);
    assertThat(status.exitCode()).isEqualTo(1);
    JsonNode document = new ObjectMapper().readTree(status.out());
    assertThat(document.get("api").asText()).isEqualTo("v1");
    assertThat(document.get("state").asText()).isEqualTo("failed");
    assertThat(document.get("tasks").findValuesAsText("state"))
        .containsExactly("success", "success", "success", "failed", "upstream_failed");
  }

  @Test
  void aMonthTriggeredTwiceIsRefusedUnlessRerun() throws Exception {
    server = TestingAirflowServer.start(AirflowApiVersion.V2);
    airflow(PASSWORD, "trigger", "--month", "2026-03");

    CliRun again = airflow(PASSWORD, "trigger", "--month", "2026-03");
    CliRun rerun = airflow(PASSWORD, "trigger", "--month", "2026-03", "--rerun");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err())
        .contains("airflow trigger: DAG salesdw_monthly already has a run salesdw__2026-03 (409)");
    assertThat(rerun.exitCode()).isZero();
  }

  @Test
  void logsPrintTheLatestTryOfATask() throws Exception {
    server = TestingAirflowServer.start(AirflowApiVersion.V1);
    airflow(PASSWORD, "trigger", "--month", "2026-03", "--wait", "--poll-interval", "0.01");

    CliRun logs = airflow(PASSWORD, "logs", "--month", "2026-03", "--task", "transform");

    assertThat(logs.exitCode()).isZero();
    assertThat(logs.out())
        .isEqualTo(
            "Running salesdw step transform for 2026-03, try 1\nTask exited with return code 0\n");
  }

  @Test
  void aWrongPasswordExitsWithTwoAndIsNeverPrinted() throws Exception {
    server = TestingAirflowServer.start(AirflowApiVersion.V2);

    // airflow(...) asserts that the password appears in neither output.
    CliRun run = airflow("wrong-Pa55word", "status", "--month", "2026-03", "--verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("airflow status: Airflow refused the credentials of user 'admin' (401)");
  }
}
