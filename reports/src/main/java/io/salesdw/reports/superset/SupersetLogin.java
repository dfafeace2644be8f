package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Who logs in to which Superset. The password is kept out of {@link #toString()}, so it cannot
 * reach a log line or an error message by accident.
 */
public record SupersetLogin(URI url, String user, String password) {
  public SupersetLogin {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http or https: " + url);
    }
  }

  @Override
  public String toString() {
    return "SupersetLogin[url=" + url + ", user=" + user + ", password=***]";
  }
}
