package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.serve.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code salesdw serve} on semantic-model's fixture lake, reached by the real Arrow Flight SQL and
 * Avatica JDBC drivers as an executive (password) and a rep (token); and {@code serve
 * hash-password}. Orders of TinyGoldLake: 1,840.00 in all, 950.00 of REP0001's (100 + 300 + 150 +
 * 400).
 */
class TestServeCommand {
  private static final String CEO_PASSWORD = "correct horse battery staple";

  @TempDir Path root;

  @Test
  void servesEachUserTheirOwnNumbersThroughBothEndpointsAndAuditsThem() throws Exception {
    Path lake = root.resolve("lake");
    io.salesdw.semantic.TinyGoldLake.write(lake);
    String repToken = PasswordHash.newToken();
    Path config = root.resolve("serve.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "flight-sql: {port: 0}",
            "avatica: {port: 0}",
            "users:",
            "  - {name: ceo, role: executive, password-hash: '"
                + PasswordHash.ofPassword(CEO_PASSWORD).encoded()
                + "'}",
            "  - {name: wang.fang, role: rep, rep-id: REP0001, token-hash: '"
                + PasswordHash.ofToken(repToken).encoded()
                + "'}",
            ""));

    ServeCommand serve = new ServeCommand();
    PipedInputStream printed = new PipedInputStream();
    PrintWriter out = new PrintWriter(new PipedOutputStream(printed), true, StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(serve).setOut(out).setErr(new PrintWriter(err, true));
    ExecutorService running = Executors.newSingleThreadExecutor();
    Future<Integer> exit =
        running.submit(
            () ->
                command.execute(
                    "--lake", lake.toString(), "--config", config.toString(), "--json"));
    try {
      // One JSON document, read as it is printed: the server runs on.
      ObjectMapper mapper = new ObjectMapper();
      JsonNode serving =
          mapper.readTree(
              mapper
                  .getFactory()
                  .createParser(new InputStreamReader(printed, StandardCharsets.UTF_8)));
      String flightUrl = serving.get("flight_sql_url").asText();
      String avaticaUrl = serving.get("avatica_url").asText();
      assertThat(flightUrl).startsWith("jdbc:arrow-flight-sql://127.0.0.1:");
      assertThat(avaticaUrl).startsWith("jdbc:avatica:remote:url=http://127.0.0.1:");

      try (Connection ceo =
              DriverManager.getConnection(
                  flightUrl + "&user=ceo&password=" + CEO_PASSWORD.replace(" ", "%20"));
          Connection rep =
              DriverManager.getConnection(
                  avaticaUrl.replace("authentication=BASIC", "authentication=BEARER")
                      + ";bearer_token="
                      + repToken)) {
        assertThat(decimal(ceo, "SELECT MEASURE(revenue) FROM metrics"))
            .isEqualByComparingTo("1840.00");
        assertThat(decimal(rep, "SELECT MEASURE(revenue) FROM metrics"))
            .isEqualByComparingTo("950.00");
        assertThat(decimal(rep, "SELECT SUM(amount) FROM gold.fact_order"))
            .isEqualByComparingTo("950.00");
        assertThatThrownBy(() -> decimal(rep, "SELECT COUNT(*) FROM audit.queries"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("only executives");

        // Metadata: the executive's catalog lists the audit, the rep's does not; both list the
        // gold tables and the metrics view.
        assertThat(tables(ceo)).contains("gold.fact_order", "metrics", "audit.queries");
        assertThat(tables(rep))
            .contains("gold.fact_order", "metrics")
            .doesNotContain("audit.queries");

        List<String> trail = new ArrayList<>();
        try (Statement statement = ceo.createStatement();
            ResultSet rows =
                statement.executeQuery(
                    "SELECT user_name, endpoint, outcome FROM audit.queries ORDER BY started_at")) {
          while (rows.next()) {
            trail.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
          }
        }
        assertThat(trail)
            .containsExactly(
                "ceo flight-sql OK",
                "wang.fang avatica OK",
                "wang.fang avatica OK",
                "wang.fang avatica DENIED");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(flightUrl + "&user=ceo&password=nope"))
          .isInstanceOf(SQLException.class);
    } finally {
      serve.stop.countDown();
      assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
      running.shutdownNow();
    }
    assertThat(err.toString()).doesNotContain(CEO_PASSWORD).doesNotContain(repToken);
  }

  @Test
  void aConfigurationWithoutUsersIsRefused() throws Exception {
    Path config = root.resolve("empty.yaml");
    Files.writeString(config, "flight-sql: {port: 0}\n");
    CliRun run = CliRun.of("serve", "--lake", root.toString(), "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USER_ERROR);
    assertThat(run.err()).contains("has no users").contains("salesdw serve hash-password");
  }

  @Test
  void hashPasswordPrintsAHashThatVerifiesThePasswordAndNotTheSecretItself() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("s3cret-pass\n".getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("serve", "hash-password");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("password-hash: ").doesNotContain("s3cret-pass");
      PasswordHash hash = new PasswordHash(run.out().strip().substring("password-hash: ".length()));
      assertThat(hash.verify("s3cret-pass")).isTrue();
      assertThat(hash.verify("s3cret-pasS")).isFalse();
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void hashPasswordTokenPrintsANewTokenAndItsHash() {
    CliRun run = CliRun.of("serve", "hash-password", "--token");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    String token = lines.get(0).substring("token: ".length());
    PasswordHash hash = new PasswordHash(lines.get(1).substring("token-hash: ".length()));
    assertThat(hash.verify(token)).isTrue();
    assertThat(CliRun.of("serve", "hash-password", "--token").out()).doesNotContain(token);
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rows.next()) {
        String schema = rows.getString("TABLE_SCHEM");
        String name = rows.getString("TABLE_NAME");
        names.add(schema == null || schema.isEmpty() ? name : schema + "." + name);
      }
    }
    return names;
  }

  private static BigDecimal decimal(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getBigDecimal(1);
    }
  }
}
