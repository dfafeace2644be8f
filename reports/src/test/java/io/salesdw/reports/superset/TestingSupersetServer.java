package io.salesdw.reports.superset;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Superset that keeps its objects in memory and checks every request and every response it sends
 * against Superset's OpenAPI spec ({@code ../shared/specs/superset-openapi.json} beside the
 * project). It behaves as Superset's code does where the sync depends on it: JWT login and refresh,
 * the CSRF token and session cookie on writes, Rison {@code q=} filters and paging with a page-size
 * cap, unknown body keys refused (marshmallow), a dataset's metric and column lists replacing the
 * old ones by id (422 on a duplicate name), and stored dashboard metadata augmented with keys of
 * its own. Faults can be injected per request.
 */
final class TestingSupersetServer implements AutoCloseable {
  /** One request and the answer it got. */
  record Call(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String requestBody,
      int status,
      String responseBody) {
    /** A POST, PUT or DELETE other than login and token refresh. */
    boolean isWrite() {
      return !method.equals("GET") && !path.startsWith(API + "/security/");
    }
  }

  private record Fault(String method, Pattern path, int status, String message) {}

  private static final String API = "/api/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final OpenApiInteractionValidator validator = Spec.VALIDATOR;
  private final String user;
  private final String password;
  private final int maxPageSize;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<Fault> faults = new ArrayList<>();
  private final Set<String> accessTokens = new HashSet<>();
  private final Set<String> refreshTokens = new HashSet<>();
  private final String csrfToken = "csrf-" + UUID.randomUUID();
  private final String session = "session-" + UUID.randomUUID();
  private final Map<String, TreeMap<Integer, ObjectNode>> objects = new LinkedHashMap<>();
  private int nextId = 1;

  TestingSupersetServer(String user, String password, int maxPageSize) {
    this.user = user;
    this.password = password;
    this.maxPageSize = maxPageSize;
    for (String kind : List.of("database", "dataset", "chart", "dashboard")) {
      objects.put(kind, new TreeMap<>());
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> writes() {
    return calls().stream().filter(Call::isWrite).toList();
  }

  void clearCalls() {
    calls.clear();
  }

  /** Requests or responses that broke the spec or Superset's rules; empty when all was well. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /** The next request matching method and path (a regex over the path after /api/v1) fails. */
  synchronized void failNext(String method, String pathRegex, int status, String message) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), status, message));
  }

  /** Makes every access token expire, as Superset's 15-minute JWTs do. */
  synchronized void expireAccessTokens() {
    accessTokens.clear();
  }

  /** The objects of a kind, by id. */
  synchronized Map<Integer, ObjectNode> objects(String kind) {
    Map<Integer, ObjectNode> copy = new TreeMap<>();
    objects.get(kind).forEach((id, node) -> copy.put(id, node.deepCopy()));
    return copy;
  }

  /** Adds an object as if someone had made it in Superset's UI. */
  synchronized int add(String kind, ObjectNode object) {
    int id = nextId++;
    object.put("id", id);
    object.put("uuid", UUID.randomUUID().toString());
    objects.get(kind).put(id, object);
    return id;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ------------------------------------------------------------------------------- handling

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    Map<String, String> params = params(query);

    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(method), path).withBody(body);
    headers.forEach((name, values) -> request.withHeader(name, values));
    params.forEach((name, value) -> request.withQueryParam(name, value));
    report("request " + method + " " + path, validator.validateRequest(request.build()));

    Answer answer;
    try {
      answer = route(method, path.substring(API.length()), params, headers, body);
    } catch (StubError e) {
      answer = e.answer;
    } catch (RuntimeException e) {
      violations.add(method + " " + path + ": the stub failed: " + e);
      answer = Answer.message(500, "stub failed: " + e.getMessage());
    }
    String responseBody = JSON.writeValueAsString(answer.body);
    SimpleResponse response =
        SimpleResponse.Builder.status(answer.status)
            .withContentType("application/json")
            .withBody(responseBody)
            .build();
    report(
        "response to " + method + " " + path + " (" + answer.status + ")",
        validator.validateResponse(path, Request.Method.valueOf(method), response));
    calls.add(new Call(method, path, query, headers, body, answer.status, responseBody));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answer.cookies.forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
    byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void report(String what, ValidationReport report) {
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(what + ": " + message.getKey() + ": " + message.getMessage());
      }
    }
  }

  private Answer route(
      String method,
      String path,
      Map<String, String> params,
      Map<String, List<String>> headers,
      String body) {
    if (method.equals("POST") && path.equals("/security/login")) {
      return login(body);
    }
    if (method.equals("POST") && path.equals("/security/refresh")) {
      String token = bearer(headers);
      if (!refreshTokens.contains(token)) {
        return Answer.message(401, "Token has been revoked or is invalid");
      }
      return new Answer(200, object("access_token", newAccessToken()));
    }
    if (!accessTokens.contains(bearer(headers))) {
      return Answer.message(401, "Token has expired");
    }
    for (Iterator<Fault> i = faults.iterator(); i.hasNext(); ) {
      Fault fault = i.next();
      if (fault.method().equals(method) && fault.path().matcher(path).matches()) {
        i.remove();
        return Answer.message(fault.status(), fault.message());
      }
    }
    if (method.equals("GET") && path.equals("/security/csrf_token/")) {
      Answer answer = new Answer(200, object("result", csrfToken));
      answer.cookies.add("session=" + session + "; HttpOnly; Path=/");
      return answer;
    }
    if (!method.equals("GET")) {
      checkCsrf(headers);
    }
    Matcher m;
    if ((m = match("/(database|dataset|chart|dashboard)/", path)) != null) {
      String kind = m.group(1);
      if (method.equals("GET")) {
        return list(kind, params);
      }
      if (method.equals("POST")) {
        return create(kind, parse(body));
      }
    }
    if ((m = match("/database/(\\d+)/connection", path)) != null && method.equals("GET")) {
      ObjectNode database = existing("database", m.group(1));
      ObjectNode result = database.deepCopy();
      result.remove("version");
      return new Answer(200, result);
    }
    if ((m = match("/dashboard/([^/]+)", path)) != null && method.equals("GET")) {
      return getDashboard(m.group(1));
    }
    if ((m = match("/(database|dataset|chart|dashboard)/(\\d+)", path)) != null) {
      String kind = m.group(1);
      ObjectNode existing = existing(kind, m.group(2));
      if (method.equals("GET")) {
        return get(kind, existing);
      }
      if (method.equals("PUT")) {
        return update(kind, existing, parse(body), params);
      }
    }
    return Answer.message(404, "Not found");
  }

  private Answer login(String body) {
    JsonNode login = parse(body);
    for (String key : List.of("username", "password", "provider")) {
      if (!login.path(key).isTextual()) {
        return Answer.message(400, "Missing " + key);
      }
    }
    if (!login.path("username").asText().equals(user)
        || !login.path("password").asText().equals(password)) {
      return Answer.message(401, "Not authorized");
    }
    ObjectNode tokens = object("access_token", newAccessToken());
    String refresh = "refresh-" + UUID.randomUUID();
    refreshTokens.add(refresh);
    tokens.put("refresh_token", refresh);
    return new Answer(200, tokens);
  }

  private String newAccessToken() {
    String token = "access-" + UUID.randomUUID();
    accessTokens.add(token);
    return token;
  }

  private void checkCsrf(Map<String, List<String>> headers) {
    String token = first(headers, "X-CSRFToken");
    String cookie = first(headers, "Cookie");
    boolean hasSession =
        cookie != null
            && List.of(cookie.split(";")).stream()
                .map(String::strip)
                .anyMatch(c -> c.equals("session=" + session));
    if (token == null || !hasSession) {
      throw new StubError(Answer.message(400, "400 Bad Request: The CSRF token is missing."));
    }
    if (!token.equals(csrfToken)) {
      throw new StubError(Answer.message(400, "400 Bad Request: The CSRF token is invalid."));
    }
  }

  // ------------------------------------------------------------------------------- lists

  private Answer list(String kind, Map<String, String> params) {
    JsonNode q = params.containsKey("q") ? RisonParser.parse(params.get("q")) : object();
    for (Iterator<String> keys = q.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!Set.of(
              "filters", "order_column", "order_direction", "page", "page_size", "columns", "keys")
          .contains(key)) {
        return Answer.message(400, "Unknown list argument " + key);
      }
    }
    String orderColumn = q.path("order_column").asText("changed_on_delta_humanized");
    if (!Set.of("changed_on_delta_humanized", "id").contains(orderColumn)) {
      return Answer.message(400, "Cannot order by " + orderColumn);
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode object : objects.get(kind).values()) {
      if (matches(kind, object, q.path("filters"))) {
        matching.add(object);
      }
    }
    // Newest change first, as changed_on_delta_humanized desc: the highest version, then id.
    matching.sort(
        (a, b) ->
            a.path("version").asInt() != b.path("version").asInt()
                ? Integer.compare(b.path("version").asInt(), a.path("version").asInt())
                : Integer.compare(b.path("id").asInt(), a.path("id").asInt()));
    if (q.path("order_direction").asText("desc").equals("asc")) {
      Collections.reverse(matching);
    }
    int pageSize = Math.min(q.path("page_size").asInt(20), maxPageSize);
    int page = q.path("page").asInt(0);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("count", matching.size());
    ArrayNode ids = answer.putArray("ids");
    ArrayNode result = answer.putArray("result");
    for (int i = page * pageSize; i < Math.min(matching.size(), (page + 1) * pageSize); i++) {
      ObjectNode item = listItem(kind, matching.get(i));
      ids.add(item.path("id").asInt());
      result.add(item);
    }
    return new Answer(200, answer);
  }

  private boolean matches(String kind, ObjectNode object, JsonNode filters) {
    for (JsonNode filter : filters) {
      String column = filter.path("col").asText();
      String operator = filter.path("opr").asText();
      JsonNode value = filter.path("value");
      JsonNode actual = column.equals("database") ? object.path("database") : object.path(column);
      if (!allowedFilterColumns(kind).contains(column)) {
        throw new StubError(
            Answer.message(400, "Filter column: " + column + " not allowed to filter"));
      }
      boolean ok;
      switch (operator) {
        case "eq":
          ok = actual.asText().equals(value.asText());
          break;
        case "neq":
          ok = !actual.asText().equals(value.asText());
          break;
        case "sw":
          ok = actual.asText().startsWith(value.asText());
          break;
        case "ct":
          ok = actual.asText().contains(value.asText());
          break;
        case "rel_o_m":
          ok = actual.asInt() == value.asInt();
          break;
        default:
          throw new StubError(Answer.message(400, "Not a valid filter operator: " + operator));
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> allowedFilterColumns(String kind) {
    switch (kind) {
      case "database":
        return Set.of("database_name", "expose_in_sqllab", "uuid");
      case "dataset":
        return Set.of("table_name", "schema", "database", "sql", "uuid");
      case "chart":
        return Set.of("slice_name", "viz_type", "datasource_id", "uuid");
      default:
        return Set.of("dashboard_title", "slug", "published", "uuid");
    }
  }

  private ObjectNode listItem(String kind, ObjectNode object) {
    ObjectNode item = JSON.createObjectNode();
    item.put("id", object.path("id").asInt());
    item.put("uuid", object.path("uuid").asText());
    item.put("changed_on_delta_humanized", "a moment ago");
    switch (kind) {
      case "database":
        copy(object, item, "database_name", "expose_in_sqllab", "allow_dml", "allow_run_async");
        item.put("backend", "trino");
        break;
      case "dataset":
        copy(object, item, "table_name", "schema", "sql", "description");
        item.set("database", databaseRef(object.path("database").asInt()));
        item.put("kind", object.path("sql").isTextual() ? "virtual" : "physical");
        break;
      case "chart":
        copy(object, item, "slice_name", "viz_type", "datasource_id", "datasource_type", "params");
        item.set("dashboards", dashboardRefs(object));
        break;
      default:
        copy(object, item, "dashboard_title", "slug", "published");
    }
    return item;
  }

  // ------------------------------------------------------------------------------- objects

  private Answer create(String kind, JsonNode body) {
    checkKeys(kind + " post", body);
    ObjectNode object = ((ObjectNode) body).deepCopy();
    switch (kind) {
      case "database":
        require(body, "database_name", "sqlalchemy_uri");
        if (findBy("database", "database_name", body.path("database_name").asText()).isPresent()) {
          return Answer.messageObject(
              422, "database_name", "A database with the same name already exists.");
        }
        break;
      case "dataset":
        require(body, "database", "table_name");
        if (!objects.get("database").containsKey(body.path("database").asInt())) {
          return Answer.messageObject(422, "database", "Database does not exist");
        }
        for (ObjectNode other : objects.get("dataset").values()) {
          if (other.path("table_name").equals(body.path("table_name"))
              && other.path("schema").equals(body.path("schema"))
              && other.path("database").equals(body.path("database"))) {
            return Answer.messageObject(
                422,
                "table_name",
                "Dataset " + body.path("table_name").asText() + " already exists");
          }
        }
        // A real server reads the virtual dataset's columns from the database here; the stub
        // has no database, so the dataset starts without columns.
        object.putArray("columns");
        object.putArray("metrics");
        break;
      case "chart":
        require(body, "slice_name", "datasource_id", "datasource_type");
        if (!objects.get("dataset").containsKey(body.path("datasource_id").asInt())) {
          return Answer.message(422, "Datasource does not exist");
        }
        checkDashboards(body);
        break;
      default:
        if (body.path("slug").isTextual()
            && findBy("dashboard", "slug", body.path("slug").asText()).isPresent()) {
          return Answer.messageObject(422, "slug", "Must be unique");
        }
    }
    int id = add(kind, object);
    object.put("version", 1);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", id);
    answer.set("result", body);
    return new Answer(201, answer);
  }

  private Answer get(String kind, ObjectNode object) {
    ObjectNode result;
    switch (kind) {
      case "dataset":
        result = JSON.createObjectNode();
        result.put("id", object.path("id").asInt());
        copy(object, result, "table_name", "schema", "sql", "description", "main_dttm_col");
        result.set("database", databaseRef(object.path("database").asInt()));
        result.set("columns", withReadOnlyFields(object.path("columns")));
        result.set("metrics", withReadOnlyFields(object.path("metrics")));
        result.putArray("owners");
        result.put("changed_on", "2026-11-30T00:00:00Z");
        result.put("created_on", "2026-11-30T00:00:00Z");
        break;
      case "chart":
        result = JSON.createObjectNode();
        result.put("id", object.path("id").asInt());
        copy(object, result, "slice_name", "viz_type", "params", "description");
        result.set("dashboards", dashboardRefs(object));
        result.putArray("owners");
        result.putArray("tags");
        break;
      default:
        result = object.deepCopy();
        result.remove("version");
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", object.path("id").asInt());
    answer.set("result", result);
    return new Answer(200, answer);
  }

  private Answer getDashboard(String idOrSlug) {
    ObjectNode dashboard =
        idOrSlug.matches("\\d+")
            ? existing("dashboard", idOrSlug)
            : findBy("dashboard", "slug", idOrSlug)
                .orElseThrow(() -> new StubError(Answer.message(404, "Not found")));
    ObjectNode result = JSON.createObjectNode();
    result.put("id", dashboard.path("id").asInt());
    copy(
        dashboard,
        result,
        "dashboard_title",
        "slug",
        "published",
        "position_json",
        "json_metadata",
        "css");
    ArrayNode charts = result.putArray("charts");
    for (ObjectNode chart : objects.get("chart").values()) {
      for (JsonNode id : chart.path("dashboards")) {
        if (id.asInt() == dashboard.path("id").asInt()) {
          charts.add(chart.path("slice_name").asText());
        }
      }
    }
    result.putArray("owners");
    result.putArray("roles");
    result.putArray("tags");
    return new Answer(200, object("result", result));
  }

  private Answer update(
      String kind, ObjectNode existing, JsonNode body, Map<String, String> params) {
    checkKeys(kind + " put", body);
    if (kind.equals("dataset")) {
      if (params.containsKey("override_columns")
          && !Set.of("true", "false").contains(params.get("override_columns"))) {
        return Answer.message(400, "override_columns must be true or false");
      }
      if (body.has("metrics")) {
        existing.set(
            "metrics",
            replaceList(existing.path("metrics"), body.path("metrics"), "metric_name", "metrics"));
      }
      if (body.has("columns")) {
        existing.set(
            "columns",
            replaceList(existing.path("columns"), body.path("columns"), "column_name", "columns"));
      }
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        if (!field.getKey().equals("metrics") && !field.getKey().equals("columns")) {
          existing.set(field.getKey(), field.getValue());
        }
      }
    } else {
      if (kind.equals("chart")) {
        checkDashboards(body);
      }
      if (kind.equals("dashboard") && body.has("json_metadata")) {
        // Superset stores the metadata with keys of its own added.
        ObjectNode metadata = (ObjectNode) parse(body.path("json_metadata").asText());
        metadata.putArray("shared_label_colors");
        metadata.putArray("color_scheme_domain");
        ((ObjectNode) body).put("json_metadata", write(metadata));
      }
      existing.setAll((ObjectNode) body);
    }
    existing.put("version", existing.path("version").asInt() + 1);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", existing.path("id").asInt());
    answer.set("result", body);
    return new Answer(200, answer);
  }

  /**
   * Superset's update of a dataset's metrics or columns: an item with an id updates it, one without
   * creates it (422 if the name exists), and the rest are deleted.
   */
  private ArrayNode replaceList(JsonNode current, JsonNode wanted, String nameKey, String what) {
    Map<Integer, JsonNode> byId = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    current.forEach(item -> byId.put(item.path("id").asInt(), item));
    current.forEach(item -> names.add(item.path(nameKey).asText()));
    Set<String> seen = new HashSet<>();
    ArrayNode replaced = JSON.createArrayNode();
    for (JsonNode item : wanted) {
      String name = item.path(nameKey).asText();
      if (!seen.add(name)) {
        throw new StubError(
            Answer.messageObject(422, what, "One or more " + what + " are duplicated"));
      }
      ObjectNode stored = ((ObjectNode) item).deepCopy();
      if (item.has("id")) {
        JsonNode old = byId.get(item.path("id").asInt());
        if (old == null) {
          throw new StubError(
              Answer.messageObject(422, what, "One or more " + what + " do not exist"));
        }
        stored.put("uuid", old.path("uuid").asText());
      } else {
        if (names.contains(name)) {
          throw new StubError(
              Answer.messageObject(422, what, "One or more " + what + " already exist"));
        }
        stored.put("id", nextId++);
        stored.put("uuid", UUID.randomUUID().toString());
      }
      replaced.add(stored);
    }
    return replaced;
  }

  private void checkDashboards(JsonNode body) {
    for (JsonNode id : body.path("dashboards")) {
      if (!objects.get("dashboard").containsKey(id.asInt())) {
        throw new StubError(Answer.messageObject(422, "dashboards", "Dashboards do not exist"));
      }
    }
  }

  private void checkKeys(String operation, JsonNode body) {
    if (!body.isObject()) {
      throw new StubError(Answer.message(400, "Request is not JSON"));
    }
    Spec.unknownKeys(operation, body)
        .ifPresent(
            key -> {
              throw new StubError(Answer.messageObject(400, key, "Unknown field."));
            });
  }

  private static void require(JsonNode body, String... keys) {
    for (String key : keys) {
      if (body.path(key).isMissingNode() || body.path(key).isNull()) {
        throw new StubError(Answer.messageObject(400, key, "Missing data for required field."));
      }
    }
  }

  private ObjectNode existing(String kind, String id) {
    ObjectNode object = objects.get(kind).get(Integer.parseInt(id));
    if (object == null) {
      throw new StubError(Answer.message(404, "Not found"));
    }
    return object;
  }

  private Optional<ObjectNode> findBy(String kind, String key, String value) {
    return objects.get(kind).values().stream()
        .filter(o -> o.path(key).asText().equals(value))
        .findFirst();
  }

  private ObjectNode databaseRef(int id) {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("id", id);
    ref.put(
        "database_name",
        Optional.ofNullable(objects.get("database").get(id))
            .map(d -> d.path("database_name").asText())
            .orElse(""));
    return ref;
  }

  private ArrayNode dashboardRefs(ObjectNode chart) {
    ArrayNode refs = JSON.createArrayNode();
    for (JsonNode id : chart.path("dashboards")) {
      ObjectNode dashboard = objects.get("dashboard").get(id.asInt());
      ObjectNode ref = refs.addObject();
      ref.put("id", id.asInt());
      ref.put(
          "dashboard_title", dashboard == null ? "" : dashboard.path("dashboard_title").asText());
    }
    return refs;
  }

  private static ArrayNode withReadOnlyFields(JsonNode items) {
    ArrayNode copy = JSON.createArrayNode();
    for (JsonNode item : items) {
      ObjectNode node = ((ObjectNode) item).deepCopy();
      node.put("changed_on", "2026-11-30T00:00:00Z");
      node.put("created_on", "2026-11-30T00:00:00Z");
      copy.add(node);
    }
    return copy;
  }

  // ------------------------------------------------------------------------------- helpers

  private static void copy(ObjectNode from, ObjectNode to, String... keys) {
    for (String key : keys) {
      if (from.has(key)) {
        to.set(key, from.get(key));
      }
    }
  }

  private static Matcher match(String regex, String path) {
    Matcher matcher = Pattern.compile(regex).matcher(path);
    return matcher.matches() ? matcher : null;
  }

  private static String bearer(Map<String, List<String>> headers) {
    String authorization = first(headers, "Authorization");
    return authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring("Bearer ".length())
        : "";
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body.isEmpty() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw new StubError(Answer.message(400, "Request is not JSON"));
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode object(Object... keysAndValues) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
    }
    return node;
  }

  private static final class Answer {
    final int status;
    final JsonNode body;
    final List<String> cookies = new ArrayList<>();

    Answer(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }

    static Answer message(int status, String message) {
      return new Answer(status, object("message", message));
    }

    static Answer messageObject(int status, String field, String message) {
      return new Answer(status, object("message", Map.of(field, List.of(message))));
    }
  }

  private static final class StubError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    final Answer answer;

    StubError(Answer answer) {
      super(answer.body.toString());
      this.answer = answer;
    }
  }

  /** The spec, parsed once per test JVM: the validator and the request schemas' keys. */
  static final class Spec {
    static final Path FILE = specFile();
    static final JsonNode RAW = readRaw();
    static final OpenApiInteractionValidator VALIDATOR = validator();

    private Spec() {}

    /**
     * The first key of a request body the operation's schema does not declare (marshmallow refuses
     * unknown fields with 400), also inside metric and column items.
     */
    static Optional<String> unknownKeys(String operation, JsonNode body) {
      String schema = requestSchema(operation);
      Optional<String> unknown = unknownIn(schema, body);
      if (unknown.isPresent()) {
        return unknown;
      }
      if (operation.equals("dataset put")) {
        for (JsonNode metric : body.path("metrics")) {
          unknown = unknownIn("DatasetMetricsPut", metric);
          if (unknown.isPresent()) {
            return unknown.map(k -> "metrics." + k);
          }
        }
        for (JsonNode column : body.path("columns")) {
          unknown = unknownIn("DatasetColumnsPut", column);
          if (unknown.isPresent()) {
            return unknown.map(k -> "columns." + k);
          }
        }
      }
      return Optional.empty();
    }

    private static String requestSchema(String operation) {
      String[] parts = operation.split(" ");
      String kind = parts[0];
      String api =
          Character.toUpperCase(kind.charAt(0)) + kind.substring(1).toLowerCase(Locale.ROOT);
      return api + "RestApi." + parts[1];
    }

    private static Optional<String> unknownIn(String schema, JsonNode body) {
      JsonNode properties = RAW.path("components").path("schemas").path(schema).path("properties");
      if (properties.isMissingNode()) {
        throw new IllegalStateException("no schema " + schema + " in the spec");
      }
      for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!properties.has(key)) {
          return Optional.of(key);
        }
      }
      return Optional.empty();
    }

    /** {@code <root>/../shared/specs/superset-openapi.json}, the root being the project's. */
    private static Path specFile() {
      Path dir = Path.of("").toAbsolutePath();
      while (dir != null
          && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("reports")))) {
        dir = dir.getParent();
      }
      if (dir == null) {
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
      }
      Path spec = dir.resolve("../shared/specs/superset-openapi.json").normalize();
      if (!Files.isRegularFile(spec)) {
        throw new IllegalStateException("Superset's spec is not at " + spec);
      }
      return spec;
    }

    private static JsonNode readRaw() {
      try {
        return JSON.readTree(FILE.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static OpenApiInteractionValidator validator() {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      // The spec has dangling $refs (ENDPOINTS.md): parse it ourselves and ignore the messages.
      OpenAPI api;
      try {
        api =
            new OpenAPIV3Parser().readContents(Files.readString(FILE), null, options).getOpenAPI();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return OpenApiInteractionValidator.createFor(api)
          .withWhitelist(
              ValidationErrorsWhitelist.create()
                  .withRule(
                      "FAB declares to-many relations of GET responses as one object; Superset"
                          + " returns arrays",
                      WhitelistRules.allOf(
                          WhitelistRules.isResponse(),
                          WhitelistRules.messageHasKey("validation.response.body.schema.type"),
                          WhitelistRules.messageContainsRegexp(
                              "(?s).*/(columns|metrics|owners|roles|tags|dashboards)\\b.*instance type \\(array\\) does not match any allowed primitive type \\(allowed: \\[\"object\"\\]\\).*")))
                  .withRule(
                      "FAB types ids of get-one and list responses as strings; Superset returns"
                          + " integers",
                      WhitelistRules.allOf(
                          WhitelistRules.isResponse(),
                          WhitelistRules.messageHasKey("validation.response.body.schema.type"),
                          WhitelistRules.messageContainsRegexp(
                              "(?s).*(/id|/ids/\\d+)\\b.*instance type \\(integer\\) does not match any allowed primitive type \\(allowed: \\[\"string\"\\]\\).*"))))
          .build();
    }
  }
}
