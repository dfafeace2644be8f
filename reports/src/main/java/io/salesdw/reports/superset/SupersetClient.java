package io.salesdw.reports.superset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Superset's REST API as the sync needs it: JWT login, the CSRF token and its session cookie on
 * every write, Rison {@code q=} lists read page by page, and errors turned into messages that say
 * what failed. Only method, path and status are logged; never a body, so never the password.
 */
final class SupersetClient {
  /** Superset's cap on a list page (FAB_API_MAX_PAGE_SIZE). */
  static final int MAX_PAGE_SIZE = 100;

  private static final Logger LOG = LoggerFactory.getLogger(SupersetClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String API = "/api/v1";

  private final URI base;
  private final String user;
  private final int pageSize;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String accessToken;
  private String refreshToken;
  private String csrfToken;
  private int writes;

  private SupersetClient(URI base, String user, int pageSize) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.user = user;
    this.pageSize = pageSize;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /** Logs in and fetches the CSRF token for writes. */
  static SupersetClient login(SupersetLogin login, int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1 to 100: " + pageSize);
    }
    SupersetClient client = new SupersetClient(login.url(), login.user(), pageSize);
    ObjectNode body = client.json.createObjectNode();
    body.put("username", login.user());
    body.put("password", login.password());
    body.put("provider", "db");
    body.put("refresh", true);
    HttpResponse<String> response =
        client.send(
            client.request("/security/login").POST(client.bodyOf(body)).build(), "POST", false);
    if (response.statusCode() == 401 || response.statusCode() == 400) {
      throw SupersetErrors.loginRefused(client.base, login.user(), response.statusCode());
    }
    JsonNode tokens = client.answer(response, "POST", "/security/login");
    client.accessToken = text(tokens, "access_token", "POST", "/security/login");
    client.refreshToken = tokens.path("refresh_token").asText(null);
    client.fetchCsrfToken();
    return client;
  }

  /** How many POST, PUT and DELETE requests were sent after login. */
  int writes() {
    return writes;
  }

  JsonNode get(String path) {
    return call("GET", path, null);
  }

  JsonNode post(String path, JsonNode body) {
    return call("POST", path, body);
  }

  JsonNode put(String path, JsonNode body) {
    return call("PUT", path, body);
  }

  /**
   * Every object of a resource ({@code dataset}, {@code chart}, ...) matching the filters, read
   * page by page.
   */
  List<JsonNode> list(String resource, List<Map<String, Object>> filters) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("filters", filters);
      q.put("order_column", "changed_on_delta_humanized");
      q.put("order_direction", "desc");
      q.put("page", page);
      q.put("page_size", pageSize);
      String path = "/" + resource + "/?q=" + encode(Rison.encode(q));
      JsonNode answer = get(path);
      JsonNode result = answer.path("result");
      if (!result.isArray()) {
        throw SupersetErrors.badAnswer("GET", path, "no result list");
      }
      result.forEach(all::add);
      // The server may cap the page below what was asked, so the count says when to stop.
      int count = answer.path("count").asInt(-1);
      if (result.isEmpty()
          || (count >= 0 && all.size() >= count)
          || (count < 0 && result.size() < pageSize)) {
        return all;
      }
    }
  }

  /** The one object of a resource matching the filters, if any. */
  Optional<JsonNode> find(String resource, List<Map<String, Object>> filters, String what) {
    List<JsonNode> found = list(resource, filters);
    if (found.size() > 1) {
      throw SupersetErrors.badAnswer(
          "GET", "/" + resource + "/", found.size() + " objects match " + what + "; expected one");
    }
    return found.stream().findFirst();
  }

  static Map<String, Object> filter(String column, String operator, Object value) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("col", column);
    filter.put("opr", operator);
    filter.put("value", value);
    return filter;
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() == 401 && refreshToken != null) {
      // The access token lives 15 minutes by default: refresh it once and retry.
      refresh();
      response = send(method, path, body);
    }
    return answer(response, method, path);
  }

  private HttpResponse<String> send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + accessToken);
    boolean write = !"GET".equals(method);
    if (write) {
      request
          .header("X-CSRFToken", csrfToken)
          .header("Referer", base.toString())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : bodyOf(body));
      writes++;
    } else {
      request.GET();
    }
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((name, value) -> pairs.add(name + "=" + value));
      request.header("Cookie", String.join("; ", pairs));
    }
    return send(request.build(), method, true);
  }

  private HttpResponse<String> send(HttpRequest request, String method, boolean log) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (log) {
        LOG.debug("{} {} -> {}", method, request.uri().getRawPath(), response.statusCode());
      }
      response
          .headers()
          .allValues("Set-Cookie")
          .forEach(
              cookie -> {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                  cookies.put(
                      pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
              });
      return response;
    } catch (IOException e) {
      throw SupersetErrors.unreachable(base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SupersetErrors.interrupted(base);
    }
  }

  private void refresh() {
    HttpResponse<String> response =
        send(
            request("/security/refresh")
                .header("Authorization", "Bearer " + refreshToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            "POST",
            true);
    if (response.statusCode() == 401) {
      throw SupersetErrors.loginRefused(base, user, 401);
    }
    accessToken =
        text(
            answer(response, "POST", "/security/refresh"),
            "access_token",
            "POST",
            "/security/refresh");
    fetchCsrfToken();
  }

  private void fetchCsrfToken() {
    csrfToken = text(get("/security/csrf_token/"), "result", "GET", "/security/csrf_token/");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + API + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }

  private HttpRequest.BodyPublisher bodyOf(JsonNode body) {
    try {
      return HttpRequest.BodyPublishers.ofString(
          json.writeValueAsString(body), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private JsonNode answer(HttpResponse<String> response, String method, String path) {
    int status = response.statusCode();
    String shownPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (status >= 200 && status < 300) {
      if (response.body().isBlank()) {
        return NullNode.getInstance();
      }
      try {
        return json.readTree(response.body());
      } catch (JsonProcessingException e) {
        throw SupersetErrors.badAnswer(method, shownPath, "the body is not JSON");
      }
    }
    String detail = detail(response.body());
    if (status == 401 || status == 403) {
      throw SupersetErrors.forbidden(method, API + shownPath, status, detail);
    }
    throw SupersetErrors.failed(method, API + shownPath, status, detail);
  }

  private String detail(String body) {
    try {
      JsonNode node = json.readTree(body);
      JsonNode message = node.path("message");
      if (!message.isMissingNode()) {
        return message.isTextual() ? message.asText() : message.toString();
      }
      return node.toString();
    } catch (JsonProcessingException e) {
      return body;
    }
  }

  private static String text(JsonNode node, String field, String method, String path) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw SupersetErrors.badAnswer(method, path, "no " + field);
    }
    return value.asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
