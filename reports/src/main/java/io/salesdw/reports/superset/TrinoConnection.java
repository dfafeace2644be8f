package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

/**
 * Where Superset reaches Trino: the host and port as Superset's server sees them, the catalog the
 * lake's gold tables are registered in, and the user Trino is told.
 */
public record TrinoConnection(String host, int port, String catalog, String user) {
  /** The default host: Trino beside Superset. */
  public static final String DEFAULT_HOST = "localhost";

  /** Trino's default HTTP port. */
  public static final int DEFAULT_PORT = 8080;

  /** The catalog the gold tables are registered in ({@code delta_lake.gold.fact_order}). */
  public static final String DEFAULT_CATALOG = "delta_lake";

  /** The user Superset's queries run as in Trino; Trino without authentication takes any. */
  public static final String DEFAULT_USER = "salesdw";

  public TrinoConnection {
    requireNonNull(host, "host is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(user, "user is null");
    if (host.isBlank() || catalog.isBlank() || user.isBlank()) {
      throw new IllegalArgumentException("host, catalog and user must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The defaults: {@code trino://salesdw@localhost:8080/delta_lake}. */
  public static TrinoConnection defaults() {
    return new TrinoConnection(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CATALOG, DEFAULT_USER);
  }

  /** The SQLAlchemy URI of the Trino dialect; it holds no password. */
  public String sqlalchemyUri() {
    return "trino://" + user + "@" + host + ":" + port + "/" + catalog;
  }
}
