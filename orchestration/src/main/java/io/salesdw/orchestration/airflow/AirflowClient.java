package io.salesdw.orchestration.airflow;

import static io.salesdw.orchestration.airflow.AirflowTransport.segment;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a DAG on Airflow over its REST API: trigger the run of a month, follow it to its end, list
 * its task instances and read a task's log. Speaks Airflow 3's {@code /api/v2} (JWT) and Airflow
 * 2's {@code /api/v1} (basic auth). Not thread-safe.
 */
public final class AirflowClient {
  private static final Logger LOG = LoggerFactory.getLogger(AirflowClient.class);

  // Airflow 2 and 3 page task instances by 100 at most ([api] maximum_page_limit).
  private static final int PAGE = 100;

  private final AirflowTransport transport;
  private final AirflowApiVersion api;
  private final Sleeper sleeper;
  private final Clock clock;

  AirflowClient(AirflowConnection connection, Sleeper sleeper, Clock clock) {
    this.transport = new AirflowTransport(requireNonNull(connection, "connection is null"));
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.api = connection.apiVersion().orElseGet(() -> detect(transport));
  }

  /**
   * A client for the server; without an API version in the connection, probes {@code
   * /api/v2/version} and then {@code /api/v1/version}.
   */
  public static AirflowClient connect(AirflowConnection connection) {
    return new AirflowClient(connection, Sleeper.THREAD, Clock.systemUTC());
  }

  /** The API this client speaks. */
  public AirflowApiVersion apiVersion() {
    return api;
  }

  private static AirflowApiVersion detect(AirflowTransport transport) {
    for (AirflowApiVersion candidate : List.of(AirflowApiVersion.V2, AirflowApiVersion.V1)) {
      AirflowTransport.Response response = transport.probe(candidate.basePath() + "/version");
      if (response.status() == 200) {
        LOG.debug("{} speaks {}", transport.connection().url(), candidate.airflow());
        return candidate;
      }
    }
    throw AirflowErrors.noApi(transport.connection().url());
  }

  /**
   * Triggers the run of a month: run id {@code salesdw__yyyy-MM}, logical date the month's first
   * instant in UTC, {@code conf {"month": "yyyy-MM"}}. If the month has a run already, fails with a
   * clear error, or with {@code rerun} clears that run so Airflow runs all its tasks again.
   */
  public DagRun trigger(String dagId, LogicalMonth month, boolean rerun) {
    ObjectNode body = AirflowTransport.JSON.createObjectNode();
    body.put("dag_run_id", month.runId());
    body.put("logical_date", month.logicalDate().toString());
    body.putObject("conf").put("month", month.month().toString());
    body.put("note", "Triggered by salesdw for " + month.month());
    AirflowTransport.Response response =
        transport.call(api, "POST", runsPath(dagId), Optional.of(body));
    if (response.status() == 409) {
      if (!rerun) {
        throw AirflowErrors.runExists(dagId, month.runId());
      }
      return clear(dagId, month.runId());
    }
    if (response.status() == 404) {
      throw AirflowErrors.notFound(response.url(), "DAG " + dagId, response.detail());
    }
    return dagRun(expectOk(response));
  }

  /** Clears every task of a run, so the scheduler runs it again; returns the run, queued. */
  private DagRun clear(String dagId, String runId) {
    ObjectNode body = AirflowTransport.JSON.createObjectNode();
    body.put("dry_run", false);
    AirflowTransport.Response response =
        transport.call(api, "POST", runPath(dagId, runId) + "/clear", Optional.of(body));
    if (response.status() == 404) {
      throw AirflowErrors.notFound(response.url(), "run " + runId + " of " + dagId, "cleared");
    }
    expectOk(response);
    LOG.info("Cleared DAG run {} of {} to run it again", runId, dagId);
    return run(dagId, runId);
  }

  /** The run's current state. */
  public DagRun run(String dagId, String runId) {
    AirflowTransport.Response response =
        transport.call(api, "GET", runPath(dagId, runId), Optional.empty());
    if (response.status() == 404) {
      throw AirflowErrors.notFound(
          response.url(), "run " + runId + " of DAG " + dagId, response.detail());
    }
    return dagRun(expectOk(response));
  }

  /**
   * Polls the run until it succeeds or fails, pausing with the policy's backoff, and tells {@code
   * onPoll} each state seen. Fails with a clear error when the policy's timeout passes first.
   */
  public DagRun awaitCompletion(
      String dagId, String runId, PollPolicy policy, Consumer<DagRun> onPoll) {
    Instant deadline = clock.instant().plus(policy.timeout());
    Duration interval = policy.initialInterval();
    while (true) {
      DagRun run = run(dagId, runId);
      onPoll.accept(run);
      if (run.state().isTerminal()) {
        return run;
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw AirflowErrors.waitTimedOut(run, policy.timeout());
      }
      try {
        sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AirflowErrors.interrupted(transport.connection().url());
      }
      interval = policy.next(interval);
    }
  }

  /** The run's task instances, every page, in the server's order. */
  public List<TaskInstance> taskInstances(String dagId, String runId) {
    List<TaskInstance> instances = new ArrayList<>();
    int total;
    do {
      String path =
          runPath(dagId, runId) + "/taskInstances?limit=" + PAGE + "&offset=" + instances.size();
      AirflowTransport.Response response = transport.call(api, "GET", path, Optional.empty());
      if (response.status() == 404) {
        throw AirflowErrors.notFound(
            response.url(), "run " + runId + " of DAG " + dagId, response.detail());
      }
      JsonNode page = expectOk(response);
      JsonNode items = page.path("task_instances");
      if (!items.isArray()) {
        throw AirflowErrors.badResponse(response.url(), "no task_instances array");
      }
      for (JsonNode item : items) {
        instances.add(taskInstance(item, response));
      }
      // Airflow 2 may leave total_entries out; then one page is all there is.
      total = page.path("total_entries").asInt(instances.size());
      if (items.isEmpty()) {
        break;
      }
    } while (instances.size() < total);
    return instances;
  }

  /**
   * The log of one try of a task, as text. Airflow 3 returns structured messages, printed one per
   * line as {@code timestamp level event}; Airflow 2 returns the text itself.
   */
  public String log(String dagId, String runId, String taskId, int tryNumber) {
    if (tryNumber < 1) {
      throw new IllegalArgumentException("tryNumber counts from 1: " + tryNumber);
    }
    String path =
        runPath(dagId, runId)
            + "/taskInstances/"
            + segment(taskId)
            + "/logs/"
            + tryNumber
            + "?full_content=true";
    AirflowTransport.Response response = transport.call(api, "GET", path, Optional.empty());
    if (response.status() == 404) {
      throw AirflowErrors.notFound(
          response.url(),
          "log of task " + taskId + " try " + tryNumber + " in run " + runId,
          response.detail());
    }
    JsonNode content = expectOk(response).get("content");
    if (content == null) {
      throw AirflowErrors.badResponse(response.url(), "no content in the log response");
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode message : content) {
      text.append(logLine(message)).append('\n');
    }
    return text.toString();
  }

  private static String logLine(JsonNode message) {
    if (message.isTextual()) {
      return message.asText();
    }
    List<String> parts = new ArrayList<>();
    for (String field : List.of("timestamp", "level")) {
      if (message.hasNonNull(field)) {
        parts.add(message.get(field).asText());
      }
    }
    parts.add(message.path("event").asText(""));
    return String.join(" ", parts);
  }

  private String runsPath(String dagId) {
    return api.basePath() + "/dags/" + segment(dagId) + "/dagRuns";
  }

  private String runPath(String dagId, String runId) {
    return runsPath(dagId) + "/" + segment(runId);
  }

  private static JsonNode expectOk(AirflowTransport.Response response) {
    if (response.status() != 200) {
      throw AirflowTransport.unexpected(response);
    }
    return response.json();
  }

  private static DagRun dagRun(JsonNode node) {
    return new DagRun(
        node.path("dag_id").asText(),
        node.path("dag_run_id").asText(),
        DagRunState.of(node.path("state").asText()),
        instant(node, "logical_date"),
        instant(node, "start_date"),
        instant(node, "end_date"));
  }

  private static TaskInstance taskInstance(JsonNode node, AirflowTransport.Response response) {
    if (!node.hasNonNull("task_id")) {
      throw AirflowErrors.badResponse(response.url(), "a task instance without task_id");
    }
    // Airflow 2 may still say "none" for a task the scheduler has not looked at; 3 says null.
    Optional<String> state =
        Optional.ofNullable(node.get("state"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .filter(value -> !value.equals("none"));
    Optional<Double> duration =
        Optional.ofNullable(node.get("duration"))
            .filter(JsonNode::isNumber)
            .map(JsonNode::asDouble);
    return new TaskInstance(
        node.get("task_id").asText(),
        state,
        node.path("try_number").asInt(0),
        node.path("map_index").asInt(-1),
        duration);
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    if (!node.hasNonNull(field)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.get(field).asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("bad " + field + " from Airflow: " + node.get(field), e);
    }
  }
}
