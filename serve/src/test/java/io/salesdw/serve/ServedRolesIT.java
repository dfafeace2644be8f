package io.salesdw.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.serve.avatica.AvaticaEndpoint;
import io.salesdw.serve.flight.FlightSqlEndpoint;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real governed service behind both endpoints, reached by the real clients (the Arrow Flight
 * SQL JDBC driver, Avatica's thin driver, sqlline) as each role. TinyGoldLake's orders: REP0001 100
 * + 300 + 150 + 400 = 950.00; REP0002 50 + 250 + 120 = 420.00; 1,840.00 in all. REP0002 manages
 * REP0001, so the manager sees 950 + 420 = 1,370.00.
 */
class ServedRolesIT {
  private static final String CEO = "ceo";
  private static final String MANAGER = "li.na";
  private static final String REP = "wang.fang";
  private static final String PASSWORD = "governed-numbers";

  @TempDir static Path directory;

  private static GovernedSemanticService service;
  private static FlightSqlEndpoint flight;
  private static AvaticaEndpoint avatica;

  @BeforeAll
  static void start() throws Exception {
    Path lake = directory.resolve("lake");
    TinyGoldLake.write(lake);
    String hash = PasswordHash.ofPassword(PASSWORD).encoded();
    String yaml =
        String.join(
            "\n",
            "flight-sql: {port: 0}",
            "avatica: {port: 0}",
            "audit: {dir: audit}",
            "users:",
            "  - {name: " + CEO + ", role: executive, password-hash: '" + hash + "'}",
            "  - {name: "
                + MANAGER
                + ", role: manager, rep-id: REP0002, password-hash: '"
                + hash
                + "'}",
            "  - {name: " + REP + ", role: rep, rep-id: REP0001, password-hash: '" + hash + "'}",
            "");
    ServeConfig config = ServeConfig.parse(yaml, "serve.yaml", directory, name -> null);
    service = GovernedSemanticService.open(lake, SemanticManifestLoader.loadShipped(), config);
    flight = FlightSqlEndpoint.start(service, "127.0.0.1", 0, Optional.empty());
    avatica = AvaticaEndpoint.start(service, "127.0.0.1", 0, Optional.empty());
  }

  @AfterAll
  static void stop() {
    if (avatica != null) {
      avatica.close();
    }
    if (flight != null) {
      flight.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static String flightUrl() {
    return "jdbc:arrow-flight-sql://127.0.0.1:" + flight.port() + "?useEncryption=false";
  }

  private static String avaticaUrl() {
    return "jdbc:avatica:remote:url=http://127.0.0.1:"
        + avatica.port()
        + ";serialization=PROTOBUF;authentication=BASIC";
  }

  private static Connection connect(String endpoint, String user) throws SQLException {
    return endpoint.equals("flight-sql")
        ? DriverManager.getConnection(
            flightUrl() + "&user=" + user + "&password=" + PASSWORD.replace(" ", "%20"))
        : DriverManager.getConnection(
            avaticaUrl() + ";avatica_user=" + user + ";avatica_password=" + PASSWORD);
  }

  static Stream<Arguments> revenueByUserAndEndpoint() {
    List<Arguments> cases = new ArrayList<>();
    for (String endpoint : List.of("flight-sql", "avatica")) {
      cases.add(Arguments.of(endpoint, CEO, "1840.00"));
      cases.add(Arguments.of(endpoint, MANAGER, "1370.00"));
      cases.add(Arguments.of(endpoint, REP, "950.00"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} through {0}")
  @MethodSource("revenueByUserAndEndpoint")
  void eachUserGetsTheirGovernedNumberThroughEachEndpoint(
      String endpoint, String user, String revenue) throws SQLException {
    try (Connection connection = connect(endpoint, user)) {
      assertThat(single(connection, "SELECT MEASURE(revenue) FROM metrics"))
          .isEqualByComparingTo(revenue);
      // The same number through plain SQL over a derived table.
      assertThat(single(connection, "SELECT SUM(amount) FROM (SELECT * FROM gold.fact_order) t"))
          .isEqualByComparingTo(revenue);
    }
  }

  @Test
  void aRepSeesCustomerNamesMaskedAndAnExecutiveInClear() throws SQLException {
    String sql = "SELECT customer_name FROM gold.dim_customer ORDER BY unified_customer_id";
    try (Connection rep = connect("flight-sql", REP);
        Connection ceo = connect("avatica", CEO)) {
      assertThat(strings(rep, sql)).isNotEmpty().containsOnly("***");
      assertThat(strings(ceo, sql)).doesNotContain("***").hasSize(4);
    }
  }

  @Test
  void sqllineShowsTheManagerTheirTeamAndTheRepTheirOwnRows(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("revenue.sql");
    Files.writeString(script, "SELECT MEASURE(revenue) AS revenue FROM metrics;\n", UTF_8);
    // sqlline's -n and -p are JDBC's user and password; Avatica's HTTP log-in reads its own keys.
    String avaticaLogIn = ";avatica_user=" + MANAGER + ";avatica_password=" + PASSWORD;
    assertThat(sqlline(dir, avaticaUrl() + avaticaLogIn, MANAGER, script)).contains("'1370.00'");
    assertThat(sqlline(dir, flightUrl(), REP, script)).contains("'950.00'");
  }

  private static String sqlline(Path home, String url, String user, Path script) throws Exception {
    Process sqlline =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "-Duser.home=" + home,
                "sqlline.SqlLine",
                "-u",
                url,
                "-n",
                user,
                "-p",
                PASSWORD,
                "--outputformat=csv",
                "--fastConnect=true",
                "-f",
                script.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(sqlline.getInputStream().readAllBytes(), UTF_8);
    assertThat(sqlline.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(output).as(output).contains("'revenue'").doesNotContain("Error");
    return output;
  }

  private static BigDecimal single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      BigDecimal value = rows.getBigDecimal(1);
      assertThat(rows.next()).isFalse();
      return value;
    }
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
