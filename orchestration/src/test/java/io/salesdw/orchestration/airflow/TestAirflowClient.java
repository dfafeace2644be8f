package io.salesdw.orchestration.airflow;

import static io.salesdw.orchestration.airflow.TestingAirflowServer.DAG_ID;
import static io.salesdw.orchestration.airflow.TestingAirflowServer.PASSWORD;
import static io.salesdw.orchestration.airflow.TestingAirflowServer.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the stub Airflow 2 and 3, which checks every call against the specs. */
class TestAirflowClient {
  private static final LogicalMonth MARCH = new LogicalMonth(YearMonth.of(2026, 3));
  private static final PollPolicy ONE_SECOND_DOUBLING =
      new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, Duration.ofHours(1));

  private final FakeTime time = new FakeTime();
  private TestingAirflowServer server;

  @AfterEach
  void noSpecViolations() {
    if (server != null) {
      server.close();
      server.assertNoViolations();
    }
  }

  private AirflowClient client(AirflowApiVersion api) {
    server = TestingAirflowServer.start(api);
    return client(AirflowConnection.of(server.url(), USER, PASSWORD, Optional.of(api)));
  }

  private AirflowClient client(AirflowConnection connection) {
    return new AirflowClient(connection, time, time);
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void triggersTheMonthAndFollowsItToSuccess(AirflowApiVersion api) {
    AirflowClient client = client(api);

    DagRun triggered = client.trigger(DAG_ID, MARCH, false);
    List<DagRunState> seen = new ArrayList<>();
    DagRun done =
        client.awaitCompletion(
            DAG_ID, triggered.runId(), ONE_SECOND_DOUBLING, run -> seen.add(run.state()));

    assertThat(triggered.runId()).isEqualTo("salesdw__2026-03");
    assertThat(triggered.state()).isEqualTo(DagRunState.QUEUED);
    assertThat(triggered.logicalDate()).contains(Instant.parse("2026-03-01T00:00:00Z"));
    // The stub: the first poll finds it running, it stays running for two polls, then ends.
    assertThat(seen).containsExactly(DagRunState.RUNNING, DagRunState.RUNNING, DagRunState.SUCCESS);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(done.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(done.endDate()).isPresent();
    assertThat(client.taskInstances(DAG_ID, done.runId()))
        .extracting(TaskInstance::taskId, TaskInstance::state, TaskInstance::tryNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ingest_crm", Optional.of("success"), 1),
            org.assertj.core.groups.Tuple.tuple("ingest_erp", Optional.of("success"), 1),
            org.assertj.core.groups.Tuple.tuple("transform", Optional.of("success"), 1),
            org.assertj.core.groups.Tuple.tuple("quality_gates", Optional.of("success"), 1),
            org.assertj.core.groups.Tuple.tuple("reports", Optional.of("success"), 1));
  }

  @Test
  void pausesGrowUpToTheMaximumAndWaitingEndsAtTheTimeout() {
    AirflowClient client = client(AirflowApiVersion.V2);
    server.runningPolls(100);
    DagRun triggered = client.trigger(DAG_ID, MARCH, false);
    PollPolicy policy =
        new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(3), 2.0, Duration.ofSeconds(10));

    assertThatThrownBy(() -> client.awaitCompletion(DAG_ID, triggered.runId(), policy, run -> {}))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "DAG run salesdw__2026-03 of salesdw_monthly is still running after waiting 10 s. It"
                + " goes on in Airflow; follow it with 'status', or wait longer (--wait-timeout).")
        .extracting(e -> ((SalesdwException) e).kind())
        .isEqualTo(ErrorKind.EXTERNAL);
    // 1 + 2 + 3 + 3 = 9 s, then the last second left; the poll after it gives up.
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void aFailedRunShowsTheFailedTaskAndWhatItStopped(AirflowApiVersion api) {
    AirflowClient client = client(api);
    server.failTask("transform");

    DagRun done =
        client.awaitCompletion(
            DAG_ID, client.trigger(DAG_ID, MARCH, false).runId(), ONE_SECOND_DOUBLING, run -> {});

    assertThat(done.state()).isEqualTo(DagRunState.FAILED);
    assertThat(client.taskInstances(DAG_ID, done.runId()))
        .extracting(instance -> instance.taskId() + "=" + instance.state().orElse("none"))
        .containsExactly(
            "ingest_crm=success",
            "ingest_erp=success",
            "transform=failed",
            "quality_gates=upstream_failed",
            "reports=upstream_failed");
    assertThat(client.log(DAG_ID, done.runId(), "transform", 1))
        .contains("Task failed with exit code 1");
  }

  @Test
  void airflow3LogsAreStructuredMessagesOneLineEach() {
    AirflowClient client = client(AirflowApiVersion.V2);
    String runId = client.trigger(DAG_ID, MARCH, false).runId();

    // The stub stamps a month's log at 02:00 UTC on the first of the next month, a second apart.
    assertThat(client.log(DAG_ID, runId, "transform", 1))
        .isEqualTo(
            "2026-04-01T02:00:00Z info Running salesdw step transform for 2026-03, try 1\n"
                + "2026-04-01T02:00:01Z info Task exited with return code 0\n");
  }

  @Test
  void airflow2LogsAreTheTextItself() {
    AirflowClient client = client(AirflowApiVersion.V1);
    String runId = client.trigger(DAG_ID, MARCH, false).runId();

    assertThat(client.log(DAG_ID, runId, "reports", 1))
        .isEqualTo(
            "Running salesdw step reports for 2026-03, try 1\nTask exited with return code 0\n");
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void aSecondTriggerOfTheMonthIsADuplicateUnlessRerun(AirflowApiVersion api) {
    AirflowClient client = client(api);
    String runId = client.trigger(DAG_ID, MARCH, false).runId();
    client.awaitCompletion(DAG_ID, runId, ONE_SECOND_DOUBLING, run -> {});

    assertThatThrownBy(() -> client.trigger(DAG_ID, MARCH, false))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "DAG salesdw_monthly already has a run salesdw__2026-03 (409): the month was"
                + " triggered before. Follow it with 'status', or trigger with --rerun to clear"
                + " that run and run the month again.")
        .extracting(e -> ((SalesdwException) e).kind())
        .isEqualTo(ErrorKind.USER_ERROR);

    DagRun rerun = client.trigger(DAG_ID, MARCH, true);
    // Cleared: queued again; the first poll after it moves it to running, as for a new run.
    assertThat(rerun.runId()).isEqualTo(runId);
    assertThat(rerun.state()).isEqualTo(DagRunState.RUNNING);
    DagRun done = client.awaitCompletion(DAG_ID, runId, ONE_SECOND_DOUBLING, run -> {});
    assertThat(done.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(client.taskInstances(DAG_ID, runId))
        .allSatisfy(instance -> assertThat(instance.tryNumber()).isEqualTo(2));
    assertThat(client.log(DAG_ID, runId, "transform", 2)).contains("try 2");
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void aWrongPasswordIsRefusedWithoutShowingIt(AirflowApiVersion api) {
    server = TestingAirflowServer.start(api);
    String wrong = "not-the-Password-42";
    AirflowClient client =
        client(AirflowConnection.of(server.url(), USER, wrong, Optional.of(api)));

    assertThatThrownBy(() -> client.trigger(DAG_ID, MARCH, false))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith(
            "Airflow refused the credentials of user 'admin' (401) at " + server.url())
        .hasMessageNotContaining(wrong)
        .extracting(e -> ((SalesdwException) e).kind())
        .isEqualTo(ErrorKind.USER_ERROR);
  }

  @Test
  void anExpiredTokenIsRenewedOnce() {
    AirflowClient client = client(AirflowApiVersion.V2);
    String runId = client.trigger(DAG_ID, MARCH, false).runId();
    server.expireTokens();

    DagRun run = client.run(DAG_ID, runId);

    assertThat(run.state()).isEqualTo(DagRunState.RUNNING);
    assertThat(server.requests())
        .containsExactly(
            "POST /auth/token",
            "POST /api/v2/dags/salesdw_monthly/dagRuns",
            "GET /api/v2/dags/salesdw_monthly/dagRuns/salesdw__2026-03",
            "POST /auth/token",
            "GET /api/v2/dags/salesdw_monthly/dagRuns/salesdw__2026-03");
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void anUnknownDagIsNotFound(AirflowApiVersion api) {
    AirflowClient client = client(api);

    assertThatThrownBy(() -> client.trigger("salesdw_weekly", MARCH, false))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "Airflow has no DAG salesdw_weekly (404 at "
                + server.url()
                + api.basePath()
                + "/dags/salesdw_weekly/dagRuns: DAG with dag_id: 'salesdw_weekly' not found)."
                + " Check the name (--dag, --month, --task) and that the DAG file is deployed.");
    assertThatThrownBy(() -> client.run(DAG_ID, "salesdw__1999-01"))
        .hasMessageStartingWith("Airflow has no run salesdw__1999-01 of DAG salesdw_monthly (404");
  }

  @Test
  void aSlowServerTimesOutWithTheUrl() {
    server = TestingAirflowServer.start(AirflowApiVersion.V1);
    AirflowClient client =
        client(
            new AirflowConnection(
                server.url(),
                USER,
                PASSWORD,
                Optional.of(AirflowApiVersion.V1),
                Duration.ofSeconds(5),
                Duration.ofMillis(200)));
    server.delayResponses(Duration.ofSeconds(3));

    assertThatThrownBy(() -> client.run(DAG_ID, "salesdw__2026-03"))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "Airflow did not answer within 200 ms at "
                + server.url()
                + "/api/v1/dags/salesdw_monthly/dagRuns/salesdw__2026-03. Check that the server"
                + " is up and not overloaded, or raise the timeout.")
        .extracting(e -> ((SalesdwException) e).kind())
        .isEqualTo(ErrorKind.EXTERNAL);
  }

  @ParameterizedTest
  @EnumSource(AirflowApiVersion.class)
  void theApiVersionIsProbedWhenNotGiven(AirflowApiVersion api) {
    server = TestingAirflowServer.start(api);

    AirflowClient client =
        client(AirflowConnection.of(server.url(), USER, PASSWORD, Optional.empty()));

    assertThat(client.apiVersion()).isEqualTo(api);
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> client(AirflowConnection.of(url, USER, PASSWORD, Optional.empty())))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("Cannot reach Airflow at " + url + "/api/v2/version (")
        .hasMessageEndingWith("). Check --url and that it is running.");
  }

  @Test
  void theConnectionNeverShowsThePassword() {
    AirflowConnection connection =
        AirflowConnection.of(
            URI.create("http://127.0.0.1:8080/"), USER, PASSWORD, Optional.empty());

    assertThat(connection.toString()).doesNotContain(PASSWORD).contains("password=***");
    assertThat(connection.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }
}
