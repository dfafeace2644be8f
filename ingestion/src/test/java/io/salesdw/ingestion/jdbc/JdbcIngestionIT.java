package io.salesdw.ingestion.jdbc;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestProgress;
import io.salesdw.ingestion.LakeTables;
import io.salesdw.ingestion.silver.SilverMerge;
import io.salesdw.testing.TestingPostgres;
import io.salesdw.testing.TestingSparkSession;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * ERP over JDBC from a real PostgreSQL started by {@code scripts/postgres} (through {@link
 * TestingPostgres}), loaded with the generator's erp.sql at a tiny scale. The tests are one story
 * on one database and one lake, in order: land everything, re-run, change rows, break rows, delete
 * a row. Every expected count comes from SQL on the database ({@code count(*)}, the rows changed),
 * never from the ingestion's own report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcIngestionIT {
  private static final SourceContracts CONTRACTS = SourceContracts.load();

  private static Path output;
  private static Path lake;
  private static TestingPostgres postgres;
  private final SparkSession spark = TestingSparkSession.get();

  @BeforeAll
  static void startPostgres() throws Exception {
    output = Files.createTempDirectory("salesdw-jdbc-erp");
    lake = Files.createTempDirectory("salesdw-jdbc-lake");
    new SalesOrganisationGenerator(new GeneratorConfig(0.005, 7, 2025, output, true))
        .generate(GenerationProgress.silent());
    postgres = TestingPostgres.start();
    postgres.load(output.resolve("erp/erp.sql"));
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      deleteRecursively(output);
      deleteRecursively(lake);
    }
  }

  @Test
  @Order(1)
  void landsEveryTableAndReconcilesWithTheSource() {
    JdbcIngestResult result = ingest();

    assertThat(result.status()).isEqualTo(JdbcIngestResult.Status.LANDED);
    assertThat(result.tables()).hasSize(erpContracts().size());
    for (TableContract contract : erpContracts()) {
      long source = postgres.queryLong("SELECT count(*) FROM " + contract.entity());
      assertThat(source).as(contract.entity()).isPositive();
      assertThat(bronze(contract).count()).as(contract.entity()).isEqualTo(source);
      assertThat(silverLive(contract).count()).as(contract.entity()).isEqualTo(source);
    }
    assertThat(result.unreconciled()).isEmpty();
    assertThat(result.rowsQuarantined()).isZero();
    // Lineage: the query, no line number.
    Row lineage =
        bronze(contract("orders"))
            .select(BronzeIngestion.SOURCE_FILE, BronzeIngestion.LINE_NUMBER)
            .distinct()
            .head();
    assertThat(lineage.getString(0)).isEqualTo(postgres.jdbcUrl() + "#public.orders");
    assertThat(lineage.isNullAt(1)).isTrue();
    // The watermark is the largest updated_at in the source, not the clock.
    long maxMicros =
        postgres.queryLong(
            "SELECT (extract(epoch FROM max(updated_at)) * 1000000)::bigint FROM orders");
    JdbcTableResult orders = table(result, "orders");
    assertThat(orders.highWaterMark().orElseThrow())
        .isEqualTo(java.time.Instant.EPOCH.plusNanos(maxMicros * 1000));
    assertThat(orders.previousMark()).isEmpty();
  }

  @Test
  @Order(2)
  void reRunningWithoutChangesIsANoOp() {
    Map<String, Long> versions = versions();

    JdbcIngestResult result = ingest();

    assertThat(result.status()).isEqualTo(JdbcIngestResult.Status.NO_CHANGES);
    assertThat(result.batchId()).isEmpty();
    assertThat(result.rowsLanded()).isZero();
    assertThat(versions()).isEqualTo(versions);
  }

  @Test
  @Order(3)
  void landsOnlyChangedRowsAndSilverFollowsTheDatabase() {
    long ordersBefore = bronze(contract("orders")).count();
    long productsBefore = bronze(contract("products")).count();
    List<String> updated = strings("SELECT order_no FROM orders ORDER BY order_no LIMIT 3");
    postgres.execute(
        "UPDATE orders SET amount = amount + 1, updated_at = now() WHERE order_no IN ("
            + quoted(updated)
            + ")");
    postgres.execute(
        "INSERT INTO orders SELECT 'SO-NEW-' || order_no, contract_no, customer_code, order_date,"
            + " sku, quantity, unit_price, amount, now() FROM orders ORDER BY order_no DESC LIMIT 2");
    // products has no updated_at: read whole, only the changed row lands.
    String sku = strings("SELECT sku FROM products ORDER BY sku LIMIT 1").get(0);
    postgres.execute("UPDATE products SET list_price = list_price + 10 WHERE sku = '" + sku + "'");
    List<String> changed = new ArrayList<>(updated);
    changed.addAll(strings("SELECT order_no FROM orders WHERE order_no LIKE 'SO-NEW-%'"));

    JdbcIngestResult result = ingest();

    assertThat(result.status()).isEqualTo(JdbcIngestResult.Status.LANDED);
    assertThat(table(result, "orders").rowsLanded()).isEqualTo(changed.size());
    assertThat(table(result, "products").rowsLanded()).isEqualTo(1);
    assertThat(result.rowsLanded()).isEqualTo(changed.size() + 1);
    assertThat(bronze(contract("orders")).count()).isEqualTo(ordersBefore + changed.size());
    assertThat(bronze(contract("products")).count()).isEqualTo(productsBefore + 1);
    assertThat(
            bronze(contract("orders"))
                .filter(col(BronzeIngestion.BATCH_ID).equalTo(result.batchId().orElseThrow()))
                .select("order_no")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrderElementsOf(changed);
    // Silver holds the database's current values for the changed keys, and as many live rows.
    Map<String, String> database = new HashMap<>();
    for (List<Object> row :
        postgres.query(
            "SELECT order_no, amount::text, (extract(epoch FROM updated_at) * 1000000)::bigint"
                + " FROM orders WHERE order_no IN ("
                + quoted(changed)
                + ")")) {
      database.put((String) row.get(0), row.get(1) + "@" + row.get(2));
    }
    Map<String, String> silver = new HashMap<>();
    for (Row row :
        silverLive(contract("orders"))
            .filter(col("order_no").isin(changed.toArray()))
            .selectExpr("order_no", "cast(amount as string)", "unix_micros(updated_at)")
            .collectAsList()) {
      silver.put(row.getString(0), row.getString(1) + "@" + row.getLong(2));
    }
    assertThat(silver).isEqualTo(database).hasSize(changed.size());
    assertThat(
            silverLive(contract("products"))
                .filter(col("sku").equalTo(sku))
                .selectExpr("cast(list_price as string)")
                .head()
                .getString(0))
        .isEqualTo(
            strings("SELECT list_price::text FROM products WHERE sku = '" + sku + "'").get(0));
    assertThat(silverLive(contract("orders")).count())
        .isEqualTo(postgres.queryLong("SELECT count(*) FROM orders"));
    assertThat(result.unreconciled()).isEmpty();
    assertThat(ingest().status()).isEqualTo(JdbcIngestResult.Status.NO_CHANGES);
  }

  @Test
  @Order(4)
  void quarantinesRowsThatBreakTheContractWithQueryFieldAndReason() {
    String customer =
        strings("SELECT customer_code FROM customers ORDER BY customer_code LIMIT 1").get(0);
    String oldName =
        strings("SELECT customer_name FROM customers WHERE customer_code = '" + customer + "'")
            .get(0);
    postgres.execute(
        "UPDATE customers SET customer_name = NULL, updated_at = now() WHERE customer_code = '"
            + customer
            + "'");
    List<String> quote = strings("SELECT quote_no FROM quotes ORDER BY quote_no, revision LIMIT 1");
    postgres.execute(
        "UPDATE quotes SET approval_status = 'bogus', updated_at = now() WHERE quote_no = '"
            + quote.get(0)
            + "'");
    long badQuotes =
        postgres.queryLong("SELECT count(*) FROM quotes WHERE approval_status = 'bogus'");

    JdbcIngestResult result = ingest();

    assertThat(table(result, "customers").rowsQuarantined()).isEqualTo(1);
    assertThat(table(result, "customers").rowsLanded()).isZero();
    assertThat(table(result, "quotes").rowsQuarantined()).isEqualTo(badQuotes);
    List<Row> quarantined =
        spark
            .read()
            .format("delta")
            .load(LakeTables.location(lake.toString(), LakeTables.QUARANTINE_ROWS))
            .filter(col("batch_id").equalTo(result.batchId().orElseThrow()))
            .orderBy("table_name")
            .select("table_name", "source_file", "field", "reason", "raw_payload")
            .collectAsList();
    assertThat(quarantined).hasSize((int) (1 + badQuotes));
    Row bad = quarantined.get(0);
    assertThat(bad.getString(0)).isEqualTo("bronze/erp_customers");
    assertThat(bad.getString(1)).isEqualTo(postgres.jdbcUrl() + "#public.customers");
    assertThat(bad.getString(2)).isEqualTo("customer_name");
    assertThat(bad.getString(3)).contains("customer_name").contains("missing value");
    assertThat(bad.getString(4)).contains(customer);
    assertThat(quarantined.get(1).getString(2)).isEqualTo("approval_status");
    assertThat(quarantined.get(1).getString(3)).contains("'bogus' is not one of the codes");
    // Audit: read = landed + quarantined for the batch.
    List<Row> audit =
        spark
            .read()
            .format("delta")
            .load(LakeTables.location(lake.toString(), LakeTables.AUDIT))
            .filter(col("batch_id").equalTo(result.batchId().orElseThrow()))
            .selectExpr("sum(rows_read)", "sum(rows_landed)", "sum(rows_quarantined)")
            .collectAsList();
    assertThat(audit.get(0).getLong(0))
        .isEqualTo(audit.get(0).getLong(1) + audit.get(0).getLong(2))
        .isEqualTo(1 + badQuotes);
    // Silver keeps the last good version; the reconciliation still matches (same keys).
    assertThat(
            silverLive(contract("customers"))
                .filter(col("customer_code").equalTo(customer))
                .select("customer_name")
                .head()
                .getString(0))
        .isEqualTo(oldName);
    assertThat(result.unreconciled()).isEmpty();
    // Read again at the watermark's edge, but neither landed nor quarantined twice.
    JdbcIngestResult again = ingest();
    assertThat(again.status()).isEqualTo(JdbcIngestResult.Status.NO_CHANGES);
  }

  @Test
  @Order(5)
  void hardDeletesAreInvisibleToTheWatermarkButTheReconciliationReportsThem() {
    String ticket =
        strings("SELECT ticket_no FROM delivery_tickets ORDER BY ticket_no LIMIT 1").get(0);
    long before = postgres.queryLong("SELECT count(*) FROM delivery_tickets");
    postgres.execute("DELETE FROM delivery_tickets WHERE ticket_no = '" + ticket + "'");

    JdbcIngestResult result = ingest();

    assertThat(result.status()).isEqualTo(JdbcIngestResult.Status.NO_CHANGES);
    JdbcTableResult tickets = table(result, "delivery_tickets");
    assertThat(tickets.sourceRows()).isEqualTo(before - 1);
    assertThat(tickets.lakeRows()).isEqualTo(before);
    assertThat(result.unreconciled()).containsExactly(tickets);
  }

  @Test
  @Order(6)
  void aWrongPasswordOrAnUnreachableHostIsAClearExternalError() throws Exception {
    String wrong = "not-the-password-" + postgres.port();
    JdbcSource badPassword =
        JdbcSource.parse(
            postgres.jdbcUrl() + "?user=" + postgres.user() + "&password=" + wrong, Map.of());
    assertThat(badPassword.toString()).doesNotContain(wrong);
    assertThatThrownBy(() -> ingest(badPassword))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageContaining("cannot connect to the ERP database at 127.0.0.1:" + postgres.port())
        .hasMessageContaining("password authentication failed")
        .hasMessageContaining(JdbcSource.PASSWORD_VARIABLE)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JdbcSource unreachable =
        JdbcSource.parse(
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres",
            Map.of(JdbcSource.USER_VARIABLE, "postgres", JdbcSource.PASSWORD_VARIABLE, wrong));
    assertThatThrownBy(() -> ingest(unreachable))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageContaining("cannot connect to the ERP database at 127.0.0.1:" + closedPort)
        .hasMessageContaining("cannot be reached")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
  }

  private JdbcIngestResult ingest() {
    return ingest(
        JdbcSource.parse(
            postgres.jdbcUrl(),
            Map.of(
                JdbcSource.USER_VARIABLE,
                postgres.user(),
                JdbcSource.PASSWORD_VARIABLE,
                postgres.password())));
  }

  private JdbcIngestResult ingest(JdbcSource source) {
    return new JdbcIngestion(spark)
        .run(new JdbcIngestRequest(SourceSystem.ERP, source, lake.toString()), IngestProgress.NONE);
  }

  private static List<TableContract> erpContracts() {
    return CONTRACTS.forSource(SourceSystem.ERP);
  }

  private static TableContract contract(String entity) {
    return CONTRACTS.find(SourceSystem.ERP, entity).orElseThrow();
  }

  private static JdbcTableResult table(JdbcIngestResult result, String entity) {
    return result.tables().stream()
        .filter(t -> t.table().equals("bronze/erp_" + entity))
        .findFirst()
        .orElseThrow();
  }

  private Dataset<Row> bronze(TableContract contract) {
    return spark
        .read()
        .format("delta")
        .load(LakeTables.location(lake.toString(), LakeTables.bronze(contract)));
  }

  private Dataset<Row> silverLive(TableContract contract) {
    return spark
        .read()
        .format("delta")
        .load(LakeTables.location(lake.toString(), SilverMerge.silverTable(contract)))
        .filter(col(SilverMerge.DELETED).equalTo(false));
  }

  /** The Delta version of every table under the lake. */
  private Map<String, Long> versions() throws RuntimeException {
    Map<String, Long> versions = new HashMap<>();
    for (String zone : List.of("bronze", "silver", "quarantine")) {
      try (var tables = Files.list(lake.resolve(zone))) {
        for (Path table : tables.toList()) {
          versions.put(
              zone + "/" + table.getFileName(),
              io.delta.tables.DeltaTable.forPath(spark, table.toString())
                  .history(1)
                  .select("version")
                  .head()
                  .getLong(0));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return versions;
  }

  private static void deleteRecursively(Path directory) throws java.io.IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static List<String> strings(String sql) {
    return postgres.query(sql).stream().map(row -> String.valueOf(row.get(0))).toList();
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
  }
}
