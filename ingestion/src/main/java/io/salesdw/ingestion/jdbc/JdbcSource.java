package io.salesdw.ingestion.jdbc;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A source database: its JDBC URL without credentials, and the user and password, taken from the
 * URL's {@code user=} / {@code password=} parameters or else from {@value #USER_VARIABLE} / {@value
 * #PASSWORD_VARIABLE}. {@link #toString()} never shows the password.
 */
public record JdbcSource(String url, Optional<String> user, Optional<String> password) {
  /** Environment variable with the database user, used when the URL has none. */
  public static final String USER_VARIABLE = "SALESDW_JDBC_USER";

  /** Environment variable with the database password, used when the URL has none. */
  public static final String PASSWORD_VARIABLE = "SALESDW_JDBC_PASSWORD";

  private static final String PREFIX = "jdbc:postgresql://";

  public JdbcSource {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    if (!url.startsWith(PREFIX)) {
      throw JdbcErrors.unsupportedUrl(url);
    }
    if (url.contains("password=") || url.contains("user=")) {
      throw new IllegalArgumentException("url must not hold credentials; use parse()");
    }
  }

  /**
   * Splits a URL as the user gave it into the URL without credentials and the credentials, which
   * come from the URL or else from the environment.
   *
   * @throws io.salesdw.contracts.SalesdwException (USER_ERROR) for a URL that is not PostgreSQL's
   */
  public static JdbcSource parse(String givenUrl, Map<String, String> environment) {
    requireNonNull(givenUrl, "givenUrl is null");
    requireNonNull(environment, "environment is null");
    if (!givenUrl.startsWith(PREFIX)) {
      throw JdbcErrors.unsupportedUrl(redact(givenUrl));
    }
    int query = givenUrl.indexOf('?');
    String base = query < 0 ? givenUrl : givenUrl.substring(0, query);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    List<String> kept = new ArrayList<>();
    if (query >= 0) {
      for (String parameter : givenUrl.substring(query + 1).split("&")) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        String value = parameter.contains("=") ? parameter.split("=", 2)[1] : "";
        switch (name) {
          case "user" -> user = Optional.of(value);
          case "password" -> password = Optional.of(value);
          case "" -> {}
          default -> kept.add(parameter);
        }
      }
    }
    if (user.isEmpty()) {
      user = Optional.ofNullable(environment.get(USER_VARIABLE)).filter(v -> !v.isEmpty());
    }
    if (password.isEmpty()) {
      password = Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).filter(v -> !v.isEmpty());
    }
    String url = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    return new JdbcSource(url, user, password);
  }

  /** host:port of the URL, for messages ({@code 127.0.0.1:5432}). */
  public String hostAndPort() {
    URI uri = URI.create(url.substring("jdbc:".length()));
    return uri.getHost() + (uri.getPort() < 0 ? ":5432" : ":" + uri.getPort());
  }

  /** The database named by the URL. */
  public String database() {
    URI uri = URI.create(url.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return path.isEmpty() ? user.orElse("postgres") : path;
  }

  /** Removes anything after {@code password=} up to the next {@code &}. */
  static String redact(String text) {
    return text.replaceAll("(?i)(password=)[^&\\s]*", "$1***");
  }

  @Override
  public String toString() {
    return url + user.map(u -> " as " + u).orElse("");
  }
}
