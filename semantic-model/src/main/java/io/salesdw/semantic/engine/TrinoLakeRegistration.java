package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a lake zone's Delta tables in a Trino Delta Lake catalog, so that Trino reads the same
 * tables the in-process engine does: zone {@code gold} becomes schema {@code gold}, located at the
 * zone's directory, and each table is registered at its own directory with the connector's {@code
 * register_table} procedure. Trino reads the Delta log itself; nothing is copied.
 *
 * <p>Idempotent: a table registered at the same location is left alone, one registered elsewhere is
 * an error unless {@code replace} is set, and a table of the schema that the lake no longer has is
 * unregistered (its queries would fail).
 */
public final class TrinoLakeRegistration {
  private static final Pattern LOCATION = Pattern.compile("location = '([^']*)'");

  private TrinoLakeRegistration() {}

  /**
   * Registers the tables of {@code zone} (such as {@code gold}) of {@code lake} in the catalog that
   * {@code url} names.
   *
   * @throws SalesdwException if Trino cannot be reached, refuses a registration, or has a table of
   *     the same name elsewhere and {@code replace} is not set
   */
  public static TrinoRegistration register(
      Lake lake, String url, String user, String zone, boolean replace) {
    requireNonNull(lake, "lake is null");
    requireNonNull(user, "user is null");
    requireNonNull(zone, "zone is null");
    TrinoJdbcUrl parsed = TrinoJdbcUrl.parse(url);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    try (Connection connection = DriverManager.getConnection(parsed.url(), properties)) {
      return register(lake, connection, parsed.catalog(), zone, replace);
    } catch (SQLException e) {
      throw TrinoErrors.cannotConnect(url, e);
    }
  }

  private static TrinoRegistration register(
      Lake lake, Connection connection, String catalog, String zone, boolean replace)
      throws SQLException {
    String zoneLocation = location(lake.root(), zone);
    execute(
        connection,
        String.format(
            "CREATE SCHEMA IF NOT EXISTS %s.%s WITH (location = %s)",
            identifier(catalog), identifier(zone), literal(zoneLocation)));
    Set<String> inLake = new TreeSet<>();
    for (String table : lake.tableNames()) {
      if (table.startsWith(zone + "/")) {
        inLake.add(table);
      }
    }
    Set<String> inTrino = new TreeSet<>();
    for (String table : registeredTables(connection, catalog)) {
      if (table.startsWith(zone + "/")) {
        inTrino.add(table);
      }
    }
    List<String> added = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String table : inLake) {
      String name = table.substring(zone.length() + 1);
      String wanted = location(lake.root(), table);
      if (inTrino.contains(table)) {
        Optional<String> current = registeredLocation(connection, catalog, zone, name);
        if (current.isPresent() && sameLocation(current.get(), wanted)) {
          unchanged.add(table);
          continue;
        }
        if (!replace) {
          throw TrinoErrors.registeredElsewhere(
              table, current.orElse("an unknown location"), wanted);
        }
        unregister(connection, catalog, zone, name);
        replaced.add(table);
      } else {
        added.add(table);
      }
      try {
        execute(
            connection,
            String.format(
                "CALL %s.system.register_table(schema_name => %s, table_name => %s,"
                    + " table_location => %s)",
                identifier(catalog), literal(zone), literal(name), literal(wanted)));
      } catch (SQLException e) {
        throw TrinoErrors.registrationFailed(table, wanted, e);
      }
    }
    for (String table : inTrino) {
      if (!inLake.contains(table)) {
        unregister(connection, catalog, zone, table.substring(zone.length() + 1));
        removed.add(table);
      }
    }
    return new TrinoRegistration(catalog, zoneLocation, added, unchanged, replaced, removed);
  }

  /** The tables of {@code catalog}, named as lake tables are ({@code gold/fact_order}). */
  static Set<String> registeredTables(Connection connection, String catalog) {
    Set<String> tables = new TreeSet<>();
    String sql =
        "SELECT table_schema, table_name FROM "
            + identifier(catalog)
            + ".information_schema.tables WHERE table_schema <> 'information_schema'";
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      while (resultSet.next()) {
        tables.add(resultSet.getString(1) + "/" + resultSet.getString(2));
      }
    } catch (SQLException e) {
      throw TrinoErrors.executionFailed(sql, e);
    }
    return tables;
  }

  private static Optional<String> registeredLocation(
      Connection connection, String catalog, String schema, String table) throws SQLException {
    String sql =
        "SHOW CREATE TABLE "
            + identifier(catalog)
            + "."
            + identifier(schema)
            + "."
            + identifier(table);
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      if (!resultSet.next()) {
        return Optional.empty();
      }
      Matcher matcher = LOCATION.matcher(resultSet.getString(1));
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
  }

  private static void unregister(Connection connection, String catalog, String schema, String table)
      throws SQLException {
    execute(
        connection,
        String.format(
            "CALL %s.system.unregister_table(schema_name => %s, table_name => %s)",
            identifier(catalog), literal(schema), literal(table)));
  }

  /**
   * Where Trino finds {@code path} under the lake: {@code file:///…} for a local lake (Trino's
   * local file system wants the three slashes Hadoop's {@code file:/…} leaves out), the lake's own
   * URI otherwise ({@code s3://bucket/lake/gold}).
   */
  static String location(URI lakeRoot, String path) {
    String root = lakeRoot.toString();
    if ("file".equals(lakeRoot.getScheme())) {
      root = "file://" + lakeRoot.getPath();
    }
    return root.endsWith("/") ? root + path : root + "/" + path;
  }

  private static boolean sameLocation(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
