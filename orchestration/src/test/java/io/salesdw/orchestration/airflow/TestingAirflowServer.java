package io.salesdw.orchestration.airflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in Airflow 2 or 3 on 127.0.0.1 for tests: DAG {@value #DAG_ID} with {@link #TASKS}, runs
 * that move queued → running → success (or failed) one step per poll, task instances and logs.
 * Every request and response is checked against Airflow's official OpenAPI specs ({@code
 * ../shared/specs}, beside the project root); each problem is kept as a violation, and tests assert
 * there are none ({@link #assertNoViolations()}).
 */
public final class TestingAirflowServer implements AutoCloseable {
  public static final String DAG_ID = "salesdw_monthly";
  public static final String USER = "admin";
  public static final String PASSWORD = "Tr0ub4dor&3-airflow";
  public static final List<String> TASKS =
      List.of("ingest_crm", "ingest_erp", "transform", "quality_gates", "reports");

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern RUNS = Pattern.compile("/dags/([^/]+)/dagRuns");
  private static final Pattern RUN = Pattern.compile("/dags/([^/]+)/dagRuns/([^/]+)");
  private static final Pattern CLEAR = Pattern.compile("/dags/([^/]+)/dagRuns/([^/]+)/clear");
  private static final Pattern TASK_INSTANCES =
      Pattern.compile("/dags/([^/]+)/dagRuns/([^/]+)/taskInstances");
  private static final Pattern LOG =
      Pattern.compile("/dags/([^/]+)/dagRuns/([^/]+)/taskInstances/([^/]+)/logs/(-?\\d+)");
  // The keys of Airflow 3's TriggerDAGRunPostBody (additionalProperties: false, which the
  // validator does not enforce; see ENDPOINTS.md section 4).
  private static final Set<String> TRIGGER_KEYS =
      Set.of(
          "dag_run_id",
          "data_interval_start",
          "data_interval_end",
          "logical_date",
          "run_after",
          "conf",
          "note",
          "partition_key");

  private final AirflowApiVersion api;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, StubRun> runs = new LinkedHashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private int issuedTokens;
  private Optional<String> failingTask = Optional.empty();
  private int runningPolls = 2;
  private Duration delay = Duration.ZERO;
  private boolean omitRunState;

  /** A run in memory: how many polls it has seen, and which clearing (attempt) it is on. */
  private static final class StubRun {
    final String runId;
    final Instant logicalDate;
    final JsonNode conf;
    String state = "queued";
    int polls;
    int attempt = 1;

    StubRun(String runId, Instant logicalDate, JsonNode conf) {
      this.runId = runId;
      this.logicalDate = logicalDate;
      this.conf = conf;
    }
  }

  private TestingAirflowServer(AirflowApiVersion api) throws IOException {
    this.api = requireNonNull(api, "api is null");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "testing-airflow");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server speaking Airflow 2's /api/v1 ({@link AirflowApiVersion#V1}) or Airflow 3's. */
  public static TestingAirflowServer start(AirflowApiVersion api) {
    Validators.load();
    try {
      return new TestingAirflowServer(api);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Runs fail at this task from now on: it fails, the tasks after it are upstream_failed. */
  public synchronized void failTask(String taskId) {
    if (!TASKS.contains(taskId)) {
      throw new IllegalArgumentException("no task " + taskId);
    }
    failingTask = Optional.of(taskId);
  }

  /** How many polls a run stays running before it ends; 2 unless set. */
  public synchronized void runningPolls(int polls) {
    runningPolls = polls;
  }

  /** Leaves the required state out of run responses, to prove that responses are checked. */
  public synchronized void omitRunState() {
    omitRunState = true;
  }

  /** Every token issued so far stops working, as when the JWT expires. */
  public synchronized void expireTokens() {
    tokens.clear();
  }

  /** Answers each request only after this long, to make clients time out. */
  public synchronized void delayResponses(Duration newDelay) {
    delay = newDelay;
  }

  /** The requests seen, as "METHOD /path", in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The spec violations seen so far. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Returns the violations seen so far and forgets them, for tests that cause them on purpose. */
  public List<String> takeViolations() {
    List<String> taken = List.copyOf(violations);
    violations.clear();
    return taken;
  }

  /** Fails when any request or response broke the spec. */
  public void assertNoViolations() {
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "The Airflow stub saw requests or responses that break the OpenAPI spec:\n  "
              + String.join("\n  ", violations));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** One answer: status, content type and body. */
  private record Reply(int status, String body) {}

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
    requests.add(method + " " + path);
    Reply reply;
    try {
      reply = route(method, path, body, exchange.getRequestHeaders().getFirst("Authorization"));
    } catch (RuntimeException e) {
      violations.add(method + " " + path + ": the stub failed: " + e);
      reply = new Reply(500, "{\"detail\":\"stub failure\"}");
    }
    validate(exchange, method, path, query, body, reply);
    Duration wait;
    synchronized (this) {
      wait = delay;
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }
    byte[] bytes = reply.body().getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      // The client gave up (a timeout test); nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private void validate(
      HttpExchange exchange,
      String method,
      String path,
      Map<String, List<String>> query,
      String body,
      Reply reply) {
    List<OpenApiInteractionValidator> validators;
    if (api == AirflowApiVersion.V2 && path.startsWith("/auth/")) {
      // Our client must log in with either auth manager: the simple one and the FAB provider.
      validators = List.of(Validators.SIMPLE_AUTH, Validators.FAB_AUTH);
    } else if (path.startsWith(api.basePath() + "/")) {
      validators = List.of(api == AirflowApiVersion.V2 ? Validators.V2 : Validators.V1);
    } else if (path.equals(AirflowApiVersion.V2.basePath() + "/version")) {
      return; // An Airflow 2 answers the version probe of Airflow 3's API with 404.
    } else {
      violations.add(method + " " + path + ": not a path of the " + api.airflow() + " API");
      return;
    }
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
    for (String header : List.of("Authorization", "Content-Type", "Accept")) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        request.withHeader(header, value);
      }
    }
    query.forEach(request::withQueryParam);
    if (!body.isEmpty()) {
      request.withBody(body);
    }
    SimpleRequest built = request.build();
    SimpleResponse response =
        SimpleResponse.Builder.status(reply.status())
            .withContentType("application/json")
            .withBody(reply.body())
            .build();
    for (OpenApiInteractionValidator validator : validators) {
      record(method, path, "request", validator.validateRequest(built));
      record(
          method,
          path,
          "response " + reply.status(),
          validator.validateResponse(path, Request.Method.valueOf(method), response));
    }
  }

  private void record(String method, String path, String what, ValidationReport report) {
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(
            method
                + " "
                + path
                + " "
                + what
                + ": "
                + message.getKey()
                + ": "
                + message.getMessage());
      }
    }
  }

  private synchronized Reply route(String method, String path, String body, String authorization) {
    if (api == AirflowApiVersion.V2 && path.equals("/auth/token") && method.equals("POST")) {
      return login(body);
    }
    if (!path.startsWith(api.basePath() + "/")) {
      return error(404, "Not Found", "no such path: " + path);
    }
    String endpoint = path.substring(api.basePath().length());
    if (endpoint.equals("/version") && method.equals("GET")) {
      ObjectNode version = JSON.createObjectNode();
      version.put("version", api == AirflowApiVersion.V2 ? "3.1.0" : "2.10.5");
      version.putNull("git_version");
      return new Reply(200, version.toString());
    }
    if (!authenticated(authorization)) {
      return error(401, "Unauthorized", "Invalid credentials");
    }
    Matcher matcher;
    if ((matcher = RUNS.matcher(endpoint)).matches() && method.equals("POST")) {
      return trigger(matcher.group(1), body);
    }
    if ((matcher = CLEAR.matcher(endpoint)).matches() && method.equals("POST")) {
      StubRun run = runs.get(matcher.group(2));
      if (!matcher.group(1).equals(DAG_ID) || run == null) {
        return error(404, "DAGRun not found", "DAGRun with run_id " + matcher.group(2));
      }
      run.state = "queued";
      run.polls = 0;
      run.attempt++;
      return new Reply(200, dagRun(run).toString());
    }
    if ((matcher = RUN.matcher(endpoint)).matches() && method.equals("GET")) {
      StubRun run = runs.get(matcher.group(2));
      if (!matcher.group(1).equals(DAG_ID) || run == null) {
        return error(404, "DAGRun not found", "DAGRun with run_id " + matcher.group(2));
      }
      advance(run);
      return new Reply(200, dagRun(run).toString());
    }
    if ((matcher = TASK_INSTANCES.matcher(endpoint)).matches() && method.equals("GET")) {
      StubRun run = runs.get(matcher.group(2));
      if (!matcher.group(1).equals(DAG_ID) || run == null) {
        // Airflow 2 declares no 404 here; like Airflow, it lists nothing for an unknown run.
        if (api == AirflowApiVersion.V1) {
          return new Reply(200, "{\"task_instances\":[],\"total_entries\":0}");
        }
        return error(404, "Not Found", "The DagRun was not found");
      }
      ArrayNode instances = JSON.createArrayNode();
      for (String task : TASKS) {
        instances.add(taskInstance(run, task));
      }
      ObjectNode collection = JSON.createObjectNode();
      collection.set("task_instances", instances);
      collection.put("total_entries", instances.size());
      return new Reply(200, collection.toString());
    }
    if ((matcher = LOG.matcher(endpoint)).matches() && method.equals("GET")) {
      return log(matcher.group(2), matcher.group(3), Integer.parseInt(matcher.group(4)));
    }
    return error(404, "Not Found", "no such endpoint in the stub: " + method + " " + endpoint);
  }

  private Reply login(String body) {
    JsonNode login;
    try {
      login = JSON.readTree(body);
    } catch (IOException e) {
      return new Reply(400, "{\"detail\":\"bad JSON\"}");
    }
    if (!USER.equals(login.path("username").asText())
        || !PASSWORD.equals(login.path("password").asText())) {
      return new Reply(401, "{\"detail\":\"Invalid credentials\"}");
    }
    String token = "jwt-" + ++issuedTokens;
    tokens.add(token);
    return new Reply(201, "{\"access_token\":\"" + token + "\"}");
  }

  private boolean authenticated(String authorization) {
    if (authorization == null) {
      return false;
    }
    if (api == AirflowApiVersion.V2) {
      return authorization.startsWith("Bearer ") && tokens.contains(authorization.substring(7));
    }
    String expected =
        "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(UTF_8));
    return authorization.equals(expected);
  }

  private Reply trigger(String dagId, String body) {
    if (!dagId.equals(DAG_ID)) {
      return error(404, "DAG not found", "DAG with dag_id: '" + dagId + "' not found");
    }
    JsonNode trigger;
    try {
      trigger = JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "Bad Request", "bad JSON");
    }
    if (api == AirflowApiVersion.V2) {
      List<String> unknown = new ArrayList<>();
      trigger.fieldNames().forEachRemaining(key -> unknown.add(key));
      unknown.removeAll(TRIGGER_KEYS);
      if (!unknown.isEmpty()) {
        violations.add("POST dagRuns request: TriggerDAGRunPostBody has no keys " + unknown);
        return new Reply(422, validationError(unknown.get(0), "Extra inputs are not permitted"));
      }
      if (!trigger.has("logical_date")) {
        return new Reply(422, validationError("logical_date", "Field required"));
      }
    }
    String runId = trigger.path("dag_run_id").asText();
    if (runs.containsKey(runId)) {
      return error(
          409,
          "Conflict",
          "DAG Run already exists: dag_run_id='" + runId + "', dag_id='" + DAG_ID + "'");
    }
    StubRun run =
        new StubRun(
            runId, Instant.parse(trigger.path("logical_date").asText()), trigger.path("conf"));
    runs.put(runId, run);
    return new Reply(200, dagRun(run).toString());
  }

  private void advance(StubRun run) {
    if (run.state.equals("queued")) {
      run.state = "running";
    } else if (run.state.equals("running") && ++run.polls >= runningPolls) {
      run.state = failingTask.isPresent() ? "failed" : "success";
    }
  }

  private Reply log(String runId, String taskId, int tryNumber) {
    StubRun run = runs.get(runId);
    if (run == null || !TASKS.contains(taskId) || tryNumber < 1 || tryNumber > run.attempt) {
      return error(404, "Not Found", "TaskInstance not found");
    }
    String month = run.conf.path("month").asText();
    boolean fails = failingTask.equals(Optional.of(taskId)) && run.state.equals("failed");
    List<String> lines =
        List.of(
            "Running salesdw step " + taskId + " for " + month + ", try " + tryNumber,
            fails ? "Task failed with exit code 1" : "Task exited with return code 0");
    ObjectNode response = JSON.createObjectNode();
    if (api == AirflowApiVersion.V2) {
      ArrayNode content = response.putArray("content");
      Instant at = started(run);
      for (String line : lines) {
        ObjectNode message = content.addObject();
        message.put("timestamp", at.toString());
        message.put("level", "info");
        message.put("event", line);
        at = at.plusSeconds(1);
      }
      response.putNull("continuation_token");
    } else {
      response.put("content", String.join("\n", lines) + "\n");
      response.put("continuation_token", "end");
    }
    return new Reply(200, response.toString());
  }

  /** A task's state: the run's progress decides it, task by task in order. */
  private String taskState(StubRun run, String task) {
    int index = TASKS.indexOf(task);
    switch (run.state) {
      case "queued":
        return null;
      case "running":
        return index == 0 ? "success" : index == 1 ? "running" : "scheduled";
      case "success":
        return "success";
      default:
        int failing = TASKS.indexOf(failingTask.orElseThrow());
        return index < failing ? "success" : index == failing ? "failed" : "upstream_failed";
    }
  }

  private static Instant started(StubRun run) {
    // Fixed times, a month and two hours after the logical date: when a monthly run happens.
    return run.logicalDate
        .atZone(java.time.ZoneOffset.UTC)
        .plusMonths(1)
        .toInstant()
        .plus(2, ChronoUnit.HOURS);
  }

  private ObjectNode dagRun(StubRun run) {
    ObjectNode node = JSON.createObjectNode();
    Instant started = started(run);
    boolean ended = run.state.equals("success") || run.state.equals("failed");
    node.put("dag_run_id", run.runId);
    node.put("dag_id", DAG_ID);
    node.put("logical_date", run.logicalDate.toString());
    node.put("start_date", run.state.equals("queued") ? null : started.toString());
    node.put("end_date", ended ? started.plusSeconds(600).toString() : null);
    node.put("data_interval_start", run.logicalDate.toString());
    node.put("data_interval_end", run.logicalDate.toString());
    node.putNull("last_scheduling_decision");
    node.put("run_type", "manual");
    if (!omitRunState) {
      node.put("state", run.state);
    }
    node.set("conf", run.conf);
    node.put("note", "Triggered by salesdw");
    if (api == AirflowApiVersion.V2) {
      node.put("queued_at", started.minusSeconds(5).toString());
      if (ended) {
        node.put("duration", 600.0);
      } else {
        node.putNull("duration");
      }
      node.put("run_after", started.toString());
      node.put("triggered_by", "rest_api");
      node.put("triggering_user_name", USER);
      node.putArray("dag_versions");
      node.putNull("bundle_version");
      node.put("dag_display_name", DAG_ID);
      node.putNull("partition_key");
    } else {
      node.put("execution_date", run.logicalDate.toString());
      node.put("external_trigger", true);
    }
    return node;
  }

  private ObjectNode taskInstance(StubRun run, String task) {
    String state = taskState(run, task);
    boolean started =
        state != null && !state.equals("scheduled") && !state.equals("upstream_failed");
    boolean ended = started && !state.equals("running");
    Instant start = started(run).plusSeconds(60L * TASKS.indexOf(task));
    ObjectNode node = JSON.createObjectNode();
    node.put("task_id", task);
    node.put("task_display_name", task);
    node.put("dag_id", DAG_ID);
    node.put("dag_run_id", run.runId);
    node.put("map_index", -1);
    node.put("start_date", started ? start.toString() : null);
    node.put("end_date", ended ? start.plusSeconds(30).toString() : null);
    if (ended) {
      node.put("duration", 30.0);
    } else {
      node.putNull("duration");
    }
    node.put("state", state);
    node.put("try_number", started ? run.attempt : run.attempt - 1);
    node.put("max_tries", 0);
    node.put("hostname", started ? "worker-1" : "");
    node.put("unixname", "airflow");
    node.put("pool", "default_pool");
    node.put("pool_slots", 1);
    node.put("queue", "default");
    node.put("priority_weight", 1);
    node.put("operator", "BashOperator");
    node.putNull("queued_when");
    node.putNull("pid");
    node.putNull("executor");
    node.put("executor_config", "{}");
    node.putNull("note");
    node.putNull("rendered_map_index");
    node.putObject("rendered_fields");
    if (api == AirflowApiVersion.V2) {
      node.put("id", UUID.nameUUIDFromBytes((run.runId + task).getBytes(UTF_8)).toString());
      node.put("logical_date", run.logicalDate.toString());
      node.put("run_after", started(run).toString());
      node.put("dag_display_name", DAG_ID);
      node.put("operator_name", "BashOperator");
      node.putNull("scheduled_when");
      node.putNull("trigger");
      node.putNull("triggerer_job");
      node.putNull("dag_version");
    } else {
      node.put("execution_date", run.logicalDate.toString());
    }
    return node;
  }

  /** An error body: RFC 7807 on Airflow 2, {detail} on Airflow 3. */
  private Reply error(int status, String title, String detail) {
    ObjectNode node = JSON.createObjectNode();
    if (api == AirflowApiVersion.V1) {
      node.put("type", "about:blank");
      node.put("title", title);
      node.put("status", status);
    }
    node.put("detail", detail);
    return new Reply(status, node.toString());
  }

  private static String validationError(String field, String message) {
    ObjectNode node = JSON.createObjectNode();
    ObjectNode error = node.putArray("detail").addObject();
    error.putArray("loc").add("body").add(field);
    error.put("msg", message);
    error.put("type", "extra_forbidden");
    return node.toString();
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8);
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** The specs' validators, parsed once per JVM (the Airflow 3 spec takes seconds). */
  private static final class Validators {
    static final OpenApiInteractionValidator V1 = validator("airflow2-openapi.yaml");
    static final OpenApiInteractionValidator V2 = validator("airflow3-openapi.yaml");
    static final OpenApiInteractionValidator SIMPLE_AUTH =
        validator("airflow3-simple-auth-manager-openapi.yaml");
    static final OpenApiInteractionValidator FAB_AUTH =
        validator("airflow3-fab-auth-manager-openapi.yaml");

    static void load() {}

    private static OpenApiInteractionValidator validator(String file) {
      return OpenApiInteractionValidator.createForSpecificationUrl(
              specs().resolve(file).toUri().toString())
          // Merges allOf parts (Airflow 2's TaskInstanceCollection): checked one by one, each
          // part would reject the other's properties as additional.
          .withResolveCombinators(true)
          .withLevelResolver(
              LevelResolver.create()
                  // Airflow 3's spec gives the dag_id of POST /dagRuns no type (ENDPOINTS.md §4).
                  .withLevel(
                      "validation.request.parameter.schema.invalidJson",
                      ValidationReport.Level.IGNORE)
                  .build())
          .build();
    }
  }

  /** {@code ../shared/specs} beside the project root, found from the working directory up. */
  static Path specs() {
    String override = System.getProperty("salesdw.specs");
    if (override != null) {
      return Path.of(override);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
      Path candidate = dir.getParent().resolve("shared/specs");
      if (Files.isRegularFile(candidate.resolve("airflow3-openapi.yaml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no Airflow OpenAPI specs in ../shared/specs beside the project root, above "
            + Path.of("").toAbsolutePath());
  }
}
