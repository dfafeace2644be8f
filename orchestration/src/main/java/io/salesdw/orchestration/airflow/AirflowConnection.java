package io.salesdw.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the Airflow server is and how to log in. The password is kept out of {@link #toString()},
 * so it cannot reach a log line or an error message by accident.
 *
 * @param url the server's root, e.g. {@code http://airflow:8080} (the API paths are added)
 * @param apiVersion the API to use; empty to probe the server for it
 */
public record AirflowConnection(
    URI url,
    String user,
    String password,
    Optional<AirflowApiVersion> apiVersion,
    Duration connectTimeout,
    Duration requestTimeout) {
  /** How long to wait for the TCP connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for one response; the API answers in well under a second when healthy. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public AirflowConnection {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(apiVersion, "apiVersion is null");
    requireNonNull(connectTimeout, "connectTimeout is null");
    requireNonNull(requestTimeout, "requestTimeout is null");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http or https: " + url);
    }
    // The API paths are appended to the root, so a trailing slash would double up.
    String text = url.toString();
    if (text.endsWith("/")) {
      url = URI.create(text.substring(0, text.length() - 1));
    }
  }

  /** A connection with the default timeouts. */
  public static AirflowConnection of(
      URI url, String user, String password, Optional<AirflowApiVersion> apiVersion) {
    return new AirflowConnection(
        url, user, password, apiVersion, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  @Override
  public String toString() {
    return "AirflowConnection[url="
        + url
        + ", user="
        + user
        + ", password=***, apiVersion="
        + apiVersion.map(AirflowApiVersion::label).orElse("auto")
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
