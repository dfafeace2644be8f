package io.salesdw.serve.avatica;

import static io.salesdw.serve.avatica.TestingSemanticService.ALICE;
import static io.salesdw.serve.avatica.TestingSemanticService.ALICE_PASSWORD;
import static io.salesdw.serve.avatica.TestingSemanticService.ALICE_TOKEN;
import static io.salesdw.serve.avatica.TestingSemanticService.BOB;
import static io.salesdw.serve.avatica.TestingSemanticService.BOB_PASSWORD;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.serve.ServeTls;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.avatica.ConnectionConfigImpl;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint through the real Avatica thin driver ({@code org.apache.calcite.avatica.remote
 * .Driver}), over TinyGoldLake and the shipped model.
 */
class AvaticaEndpointIT {
  // TinyGoldLake's twelve orders: 100 + 200 + 50 + 300 + 80 + 40 + 150 + 250 + 60 + 400 + 120 + 90.
  private static final BigDecimal REVENUE = new BigDecimal("1840.00");

  @TempDir static Path lakeRoot;
  private static SemanticLayer layer;
  private static TestingSemanticService service;
  private static AvaticaEndpoint endpoint;

  @BeforeAll
  static void start() {
    TinyGoldLake.write(lakeRoot);
    layer =
        SemanticLayer.embedded(
            Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped());
    service = new TestingSemanticService(layer);
    endpoint = AvaticaEndpoint.start(service, "127.0.0.1", 0, Optional.empty());
  }

  @AfterAll
  static void stop() {
    endpoint.close();
    layer.close();
  }

  static String url(AvaticaEndpoint endpoint) {
    return "jdbc:avatica:remote:url=http://127.0.0.1:"
        + endpoint.port()
        + ";serialization=PROTOBUF";
  }

  static Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(
        url(endpoint)
            + ";authentication=BASIC;avatica_user="
            + user
            + ";avatica_password="
            + password);
  }

  @Test
  void answersAMetricQuery() throws SQLException {
    try (Connection connection = connect(ALICE, ALICE_PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT MEASURE(revenue) AS revenue FROM metrics")) {
      assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("revenue");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(REVENUE);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void servesAGoldTableInFrames() throws SQLException {
    List<String> orders = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    try (Connection connection = connect(ALICE, ALICE_PASSWORD);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT order_no, order_date, amount FROM gold.fact_order ORDER BY order_no")) {
      // Frames of 5 rows: the twelve orders take a first frame and two fetches.
      statement.setFetchSize(5);
      for (int run = 0; run < 2; run++) {
        orders.clear();
        total = BigDecimal.ZERO;
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            orders.add(rows.getString(1) + " " + rows.getString(2));
            total = total.add(rows.getBigDecimal(3));
          }
        }
      }
    }
    assertThat(orders).hasSize(12);
    assertThat(orders.get(0)).isEqualTo("SO-01 2023-01-10");
    assertThat(orders.get(8)).isEqualTo("SO-09 2024-02-29");
    assertThat(orders.get(11)).isEqualTo("SO-12 2024-12-31");
    assertThat(total).isEqualByComparingTo(REVENUE);
  }

  @Test
  void listsGoldTablesAndTheMetricsView() throws SQLException {
    try (Connection connection = connect(BOB, BOB_PASSWORD)) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(null, null, "%", null)) {
        while (rows.next()) {
          tables.add(
              rows.getString("TABLE_SCHEM")
                  + "."
                  + rows.getString("TABLE_NAME")
                  + " "
                  + rows.getString("TABLE_TYPE"));
        }
      }
      assertThat(tables)
          .contains("gold.fact_order TABLE", "gold.dim_rep TABLE", "null.metrics VIEW");

      List<String> orderColumns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, "gold", "fact_order", "%")) {
        while (rows.next()) {
          orderColumns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
        }
      }
      // TinyGoldLake writes fact_order's columns in this order, with these Delta types.
      assertThat(orderColumns)
          .containsExactly(
              "order_no VARCHAR",
              "month_key INTEGER",
              "order_date DATE",
              "unified_customer_id VARCHAR",
              "rep_id VARCHAR",
              "product_line_code VARCHAR",
              "amount DECIMAL",
              "gross_margin DECIMAL");

      List<String> metricsColumns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, null, "metrics", "%")) {
        while (rows.next()) {
          metricsColumns.add(rows.getString("COLUMN_NAME"));
        }
      }
      assertThat(metricsColumns).contains("revenue", "region_name", "order_date");

      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = metadata.getSchemas()) {
        while (rows.next()) {
          schemas.add(rows.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("gold");
    }
  }

  @Test
  void wrongPasswordIsRefusedWithTheServicesMessage() {
    // The thin driver opens the connection in getConnection and throws Avatica's runtime error.
    assertThatThrownBy(() -> query(connect(ALICE, "not-her-password")))
        .isInstanceOf(AvaticaClientRuntimeException.class)
        .hasMessageContaining(TestingSemanticService.WRONG_LOGIN)
        .satisfies(
            e -> assertThat(((AvaticaClientRuntimeException) e).getSqlState()).isEqualTo("28000"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-her-password"));
  }

  @Test
  void missingCredentialsAreAnsweredWith401() throws Exception {
    // The thin driver reads no body from a 401: it reports the status.
    assertThatThrownBy(() -> query(DriverManager.getConnection(url(endpoint))))
        .satisfies(e -> assertThat(causes(e)).anyMatch(m -> m.contains("got HTTP/401")));

    // A plain HTTP client sees why, and both ways to authenticate.
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString(""))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("salesdw: this endpoint requires a user and password");
    assertThat(response.headers().allValues("WWW-Authenticate"))
        .containsExactlyInAnyOrder(
            "Basic realm=\"salesdw\", charset=\"UTF-8\"", "Bearer realm=\"salesdw\"");
  }

  @Test
  void aRefusedQueryReachesTheClientWithItsMessageAndState() throws SQLException {
    try (Connection connection = connect(BOB, BOB_PASSWORD);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM gold.dim_customer"))
          .isInstanceOf(AvaticaSqlException.class)
          .hasMessageContaining(
              "role rep may not read gold.dim_customer: it holds other reps' customers")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      // The connection serves on after a refusal.
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM gold.fact_order")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(12);
      }
    }
  }

  @Test
  void anInvalidQueryIsStateFortyTwoThousand() throws SQLException {
    try (Connection connection = connect(ALICE, ALICE_PASSWORD);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT MEASURE(revenu) FROM metrics"))
          .isInstanceOf(AvaticaSqlException.class)
          .hasMessageContaining("There is no metric 'revenu' (did you mean 'revenue'?)")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
    }
  }

  @Test
  void aTokenAuthenticatesAsBearer() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                url(endpoint) + ";authentication=BEARER;bearer_token=" + ALICE_TOKEN);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MEASURE(revenue) FROM metrics")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(REVENUE);
    }
    assertThatThrownBy(
            () ->
                query(
                    DriverManager.getConnection(
                        url(endpoint) + ";authentication=BEARER;bearer_token=tok-unknown")))
        .hasMessageContaining(TestingSemanticService.WRONG_TOKEN);
  }

  @Test
  void aConnectionServesOnlyTheUserWhoOpenedIt() throws Exception {
    try (Connection alice = connect(ALICE, ALICE_PASSWORD)) {
      String aliceConnection = alice.unwrap(AvaticaConnection.class).id;
      Service asBob = remoteService(BOB, BOB_PASSWORD);
      assertThatThrownBy(() -> asBob.apply(new Service.CreateStatementRequest(aliceConnection)))
          .hasMessageContaining(
              "Connection " + aliceConnection + " was opened by another user, not by bob");
      assertThatThrownBy(
              () ->
                  asBob.apply(
                      new Service.PrepareAndExecuteRequest(
                          aliceConnection, 0, "SELECT * FROM gold.dim_customer", -1)))
          .hasMessageContaining("was opened by another user");
      // Alice's connection is untouched.
      assertThat(query(alice)).isEqualByComparingTo(REVENUE);
    }
  }

  @Test
  void checksAPasswordOnceForManyRequests() throws SQLException {
    int before = service.passwordChecks();
    // A user no other test logs in as would be cleaner; bob's checks are counted from here on,
    // and his cached login (one minute) may already hold: at most one more check.
    for (int i = 0; i < 2; i++) {
      try (Connection connection = connect(BOB, BOB_PASSWORD);
          Statement statement = connection.createStatement()) {
        for (int j = 0; j < 3; j++) {
          try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM gold.dim_rep")) {
            assertThat(rows.next()).isTrue();
          }
        }
      }
    }
    assertThat(service.passwordChecks() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void listensOnTheGivenHostOnly() throws IOException {
    assertThat(endpoint.connectorHosts()).containsExactly("127.0.0.1");
    for (InetAddress address : nonLoopbackAddresses()) {
      try (Socket socket = new Socket()) {
        assertThatThrownBy(
                () -> socket.connect(new InetSocketAddress(address, endpoint.port()), 2_000))
            .as("port %d on %s", endpoint.port(), address)
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void servesOverTlsWithAKeyStoreFromKeytool(@TempDir Path dir) throws Exception {
    Path keyStore = dir.resolve("server.p12");
    Path certificate = dir.resolve("server.crt");
    Path trustStore = dir.resolve("trust.p12");
    String password = "store-pass-31";
    keytool(
        "-genkeypair",
        "-alias",
        "salesdw",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "salesdw",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "salesdw",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        password);
    try (AvaticaEndpoint secure =
        AvaticaEndpoint.start(
            service, "127.0.0.1", 0, Optional.of(new ServeTls(keyStore, password)))) {
      String url =
          "jdbc:avatica:remote:url=https://127.0.0.1:"
              + secure.port()
              + ";serialization=PROTOBUF;authentication=BASIC;avatica_user="
              + ALICE
              + ";avatica_password="
              + ALICE_PASSWORD
              + ";truststore="
              + trustStore
              + ";truststore_password="
              + password;
      assertThat(query(DriverManager.getConnection(url))).isEqualByComparingTo(REVENUE);
      // A client that does not trust the key store's certificate cannot talk to the port.
      // (Not the thin driver: it retries a connection that drops without an answer forever.)
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + secure.port() + "/"))
              .POST(HttpRequest.BodyPublishers.ofString(""))
              .build();
      assertThatThrownBy(
              () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
  }

  @Test
  void sqllineRunsAMetricQueryAndListsTables(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("queries.sql");
    Files.writeString(script, "SELECT MEASURE(revenue) AS revenue FROM metrics;\n!tables\n", UTF_8);
    String url =
        url(endpoint)
            + ";authentication=BASIC;avatica_user="
            + ALICE
            + ";avatica_password="
            + ALICE_PASSWORD;
    Process sqlline =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Duser.home=" + dir,
                "sqlline.SqlLine",
                "-u",
                url,
                "-n",
                ALICE,
                "-p",
                ALICE_PASSWORD,
                "--outputformat=csv",
                "--fastConnect=true",
                "-f",
                script.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(sqlline.getInputStream().readAllBytes(), UTF_8);
    assertThat(sqlline.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(output)
        .as(output)
        .contains("'revenue'")
        .contains("'1840.00'")
        .contains("'gold','fact_order','TABLE'")
        .contains("'metrics','VIEW'")
        .doesNotContain("Error");
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    assertThat(keytool.waitFor()).as(output).isZero();
  }

  static BigDecimal query(Connection connection) throws SQLException {
    try (connection;
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MEASURE(revenue) FROM metrics")) {
      rows.next();
      return rows.getBigDecimal(1);
    }
  }

  private Service remoteService(String user, String password) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("authentication", "BASIC");
    properties.setProperty("avatica_user", user);
    properties.setProperty("avatica_password", password);
    properties.setProperty("serialization", "PROTOBUF");
    AvaticaHttpClient client =
        AvaticaHttpClientFactoryImpl.getInstance()
            .getClient(
                new URL("http://127.0.0.1:" + endpoint.port()),
                new ConnectionConfigImpl(properties),
                null);
    return new RemoteProtobufService(client, new ProtobufTranslationImpl());
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          addresses.add(address);
        }
      }
    }
    return addresses;
  }

  private static List<String> causes(Throwable error) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      messages.add(String.valueOf(cause.getMessage()));
    }
    return messages;
  }
}
