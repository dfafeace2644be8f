package io.salesdw.orchestration.airflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The stub's spec check catches a request that breaks the spec: else its silence proves little. */
class TestTestingAirflowServer {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(
      TestingAirflowServer server, String path, String auth, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.url().resolve(path))
            .header("Content-Type", "application/json")
            .header("Authorization", auth)
            .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token(TestingAirflowServer server) throws Exception {
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(server.url().resolve("/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\""
                            + TestingAirflowServer.PASSWORD
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(201);
    return "Bearer " + login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void anAirflow3TriggerWithoutLogicalDateBreaksTheSpec() throws Exception {
    try (TestingAirflowServer server = TestingAirflowServer.start(AirflowApiVersion.V2)) {
      HttpResponse<String> response =
          post(
              server,
              "/api/v2/dags/salesdw_monthly/dagRuns",
              token(server),
              "{\"dag_run_id\":\"salesdw__2026-03\"}");

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(server.takeViolations())
          .singleElement()
          .asString()
          .contains("POST /api/v2/dags/salesdw_monthly/dagRuns request")
          .contains("validation.request.body.schema.required")
          .contains("logical_date");
    }
  }

  @Test
  void anAirflow3TriggerWithAnUnknownKeyBreaksTheSpec() throws Exception {
    try (TestingAirflowServer server = TestingAirflowServer.start(AirflowApiVersion.V2)) {
      HttpResponse<String> response =
          post(
              server,
              "/api/v2/dags/salesdw_monthly/dagRuns",
              token(server),
              "{\"logical_date\":null,\"execution_date\":\"2026-03-01T00:00:00Z\"}");

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(server.takeViolations())
          .singleElement()
          .asString()
          .contains("TriggerDAGRunPostBody has no keys [execution_date]");
    }
  }

  @Test
  void anAirflow2TriggerWithConfAsTextBreaksTheSpec() throws Exception {
    try (TestingAirflowServer server = TestingAirflowServer.start(AirflowApiVersion.V1)) {
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(("admin:" + TestingAirflowServer.PASSWORD).getBytes(UTF_8));
      post(
          server,
          "/api/v1/dags/salesdw_monthly/dagRuns",
          basic,
          "{\"dag_run_id\":\"salesdw__2026-03\",\"conf\":\"month=2026-03\"}");

      assertThat(server.takeViolations())
          .anySatisfy(
              violation ->
                  assertThat(violation)
                      .contains("POST /api/v1/dags/salesdw_monthly/dagRuns request")
                      .contains("validation.request.body.schema.type"));
    }
  }

  @Test
  void aRunResponseWithoutItsStateBreaksTheSpec() throws Exception {
    try (TestingAirflowServer server = TestingAirflowServer.start(AirflowApiVersion.V2)) {
      server.omitRunState();
      post(
          server,
          "/api/v2/dags/salesdw_monthly/dagRuns",
          token(server),
          "{\"dag_run_id\":\"salesdw__2026-03\",\"logical_date\":\"2026-03-01T00:00:00Z\"}");

      assertThat(server.takeViolations())
          .singleElement()
          .asString()
          .contains("POST /api/v2/dags/salesdw_monthly/dagRuns response 200")
          .contains("validation.response.body.schema.required")
          .contains("state");
    }
  }
}
