package io.salesdw.orchestration.airflow;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for the Airflow client: timeouts, authentication (basic on Airflow 2, a JWT fetched from
 * {@code /auth/token} and fetched again once on a 401 on Airflow 3), and the mapping of transport
 * failures and 401/403 to clear errors. Status codes that depend on the call are left to the
 * caller. Not thread-safe: it caches the token.
 */
final class AirflowTransport {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final Logger LOG = LoggerFactory.getLogger(AirflowTransport.class);

  /** A response: its status, body and the URL it came from (for messages). */
  record Response(int status, String body, URI url) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw AirflowErrors.badResponse(url, "not JSON (" + e.getMessage() + ")");
      }
    }

    /** The server's explanation: {@code detail} (both APIs) or {@code title} (Airflow 2). */
    String detail() {
      try {
        JsonNode node = JSON.readTree(body);
        if (node != null && node.hasNonNull("detail")) {
          JsonNode detail = node.get("detail");
          return detail.isTextual() ? detail.asText() : detail.toString();
        }
        if (node != null && node.hasNonNull("title")) {
          return node.get("title").asText();
        }
      } catch (IOException e) {
        // Not JSON: a proxy's error page, say; its first line is the best explanation.
      }
      String text = body.strip();
      return text.isEmpty() ? "no detail" : text.lines().findFirst().orElse("");
    }
  }

  private final AirflowConnection connection;
  private final HttpClient http;
  private Optional<String> token = Optional.empty();

  AirflowTransport(AirflowConnection connection) {
    this.connection = connection;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connection.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  AirflowConnection connection() {
    return connection;
  }

  /** A GET without authentication, for probing {@code /api/v*}/version. */
  Response probe(String path) {
    return exchange(request(path).GET().build());
  }

  /** An authenticated call of the given API; 401 and 403 become errors here. */
  Response call(AirflowApiVersion api, String method, String path, Optional<JsonNode> body) {
    boolean hadToken = token.isPresent();
    Response response = exchange(authenticated(api, method, path, body));
    if (response.status() == 401 && api == AirflowApiVersion.V2 && hadToken) {
      // The JWT expired ([api_auth] jwt_expiration_time): log in again, once.
      LOG.debug("Airflow answered 401 with a cached token; fetching a new one");
      token = Optional.empty();
      response = exchange(authenticated(api, method, path, body));
    }
    if (response.status() == 401) {
      throw AirflowErrors.unauthorized(response.url(), connection.user());
    }
    if (response.status() == 403) {
      throw AirflowErrors.forbidden(response.url(), connection.user());
    }
    return response;
  }

  private HttpRequest authenticated(
      AirflowApiVersion api, String method, String path, Optional<JsonNode> body) {
    HttpRequest.Builder builder = request(path).header("Accept", "application/json");
    builder.header("Authorization", authorization(api));
    if (body.isPresent()) {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.get().toString(), UTF_8));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private String authorization(AirflowApiVersion api) {
    if (api == AirflowApiVersion.V1) {
      String pair = connection.user() + ":" + connection.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(UTF_8));
    }
    if (token.isEmpty()) {
      token = Optional.of(login());
    }
    return "Bearer " + token.get();
  }

  /** POST /auth/token at the server root (not under /api/v2): 201 {access_token}. */
  private String login() {
    ObjectNode body = JSON.createObjectNode();
    body.put("username", connection.user());
    body.put("password", connection.password());
    HttpRequest request =
        request("/auth/token")
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), UTF_8))
            .build();
    Response response = exchange(request);
    // 400 and 422 too: the detail of a rejected login may echo the input, so it is not shown.
    if (response.status() == 400 || response.status() == 401 || response.status() == 422) {
      throw AirflowErrors.unauthorized(response.url(), connection.user());
    }
    if (response.status() != 201 && response.status() != 200) {
      throw unexpected(response);
    }
    JsonNode accessToken = response.json().get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
      throw AirflowErrors.badResponse(response.url(), "no access_token in the login response");
    }
    LOG.debug("Logged in to Airflow at {} as {}", connection.url(), connection.user());
    return accessToken.asText();
  }

  /** The error for a status the caller does not expect: 5xx external, 4xx the request's fault. */
  static RuntimeException unexpected(Response response) {
    return response.status() >= 500
        ? AirflowErrors.serverError(response.url(), response.status(), response.detail())
        : AirflowErrors.rejected(response.url(), response.status(), response.detail());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(connection.url() + path))
        .timeout(connection.requestTimeout());
  }

  private Response exchange(HttpRequest request) {
    URI url = request.uri();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
      LOG.debug("{} {} -> {}", request.method(), url, response.statusCode());
      return new Response(response.statusCode(), response.body(), url);
    } catch (HttpTimeoutException e) {
      throw AirflowErrors.timedOut(
          url,
          e instanceof java.net.http.HttpConnectTimeoutException
              ? connection.connectTimeout()
              : connection.requestTimeout());
    } catch (IOException e) {
      throw AirflowErrors.unreachable(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AirflowErrors.interrupted(url);
    }
  }

  /** One path segment, percent-encoded (run ids may hold ':' and '+'). */
  static String segment(String value) {
    return URLEncoder.encode(value, UTF_8).replace("+", "%20");
  }
}
