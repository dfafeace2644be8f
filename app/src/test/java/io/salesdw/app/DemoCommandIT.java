package io.salesdw.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.testing.TestingSparkSession;
import io.salesdw.testing.TestingTrino;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end at a small scale, once for the class: what it lands and builds, its answers
 * through the semantic layer, a rerun that changes nothing, and the same lake queried on a real
 * Trino.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandIT {
  private Path demo;
  private CliRun first;

  @BeforeAll
  void runTheDemo(@TempDir Path dir) {
    demo = dir.resolve("demo");
    first = CliRun.of("demo", "--out", demo.toString(), "--scale", "0.005");
  }

  @Test
  void demoGeneratesAndLandsEverySourceAndARerunLandsNothingTwice() throws IOException {
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("salesdw demo finished").contains("Where to look next");
    Map<String, JsonNode> tables = lake(demo);
    assertThat(tables)
        .containsKeys(
            "bronze/crm_leads",
            "bronze/crm_opportunities",
            "bronze/erp_orders",
            "bronze/chat_messages",
            "quarantine/rows",
            "quarantine/audit",
            "silver/crm_opportunities",
            "silver/customer_crosswalk",
            "gold/dim_rep",
            "gold/fact_opportunity_stage_transition",
            "gold/mart_target_attainment",
            "gold/mart_forecast_calibration",
            "gold/mart_ltv_model");
    assertThat(first.out()).contains("Headline figures:").contains("target attainment");
    assertThat(first.out()).contains("Customer identity:").contains("unified customers");
    // Every leads record the CRM exported is either in bronze or quarantined: counted here with an
    // independent CSV parser, against the two tables' row counts.
    long exported = csvRecords(demo.resolve("sources/crm/leads.csv"));
    long landed = tables.get("bronze/crm_leads").get("rows").asLong();
    long quarantined =
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(demo.resolve("lake/quarantine/rows").toUri().toString())
            .filter(col("table_name").equalTo("bronze/crm_leads"))
            .count();
    assertThat(landed).isPositive();
    assertThat(landed + quarantined).isEqualTo(exported);

    // The demo's answers come through the semantic layer (DuckDB over the Delta snapshot): the
    // governed target attainment equals the same ratio computed here with Spark from the mart.
    assertThat(first.out()).contains("Which lead channels turn into opportunities");
    assertThat(governedAttainment()).isCloseTo(sparkAttainment(), within(1e-9));

    // The demo ends with the latest month's health pack, and prints where it is.
    assertThat(first.out()).contains("Monthly health pack for ");
    Path index =
        first
            .out()
            .lines()
            .map(String::strip)
            .filter(line -> line.endsWith("index.html"))
            .map(Path::of)
            .findFirst()
            .orElseThrow();
    assertThat(index).startsWith(demo.resolve("reports").toAbsolutePath());
    assertThat(Files.readString(index)).contains("<svg");
    assertThat(index.resolveSibling("report.pdf")).isNotEmptyFile();

    CliRun second = CliRun.of("demo", "--out", demo.toString(), "--scale", "0.005");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("(already landed)").contains("(0 built, ");
    Map<String, JsonNode> after = lake(demo);
    assertThat(after.keySet()).isEqualTo(tables.keySet());
    for (String table : tables.keySet()) {
      assertThat(after.get(table).get("version").asLong())
          .as(table + " version")
          .isEqualTo(tables.get(table).get("version").asLong());
      assertThat(after.get(table).get("rows").asLong())
          .as(table + " rows")
          .isEqualTo(tables.get(table).get("rows").asLong());
    }
  }

  @Test
  void theSameLakeOnTrinoGivesTheSameAnswers(@TempDir Path scratch) throws IOException {
    assertThat(first.exitCode()).as(first.err()).isZero();
    String lake = demo.resolve("lake").toString();
    long goldTables = lake(demo).keySet().stream().filter(name -> name.startsWith("gold/")).count();
    try (TestingTrino trino = TestingTrino.start()) {
      CliRun register =
          CliRun.of("trino", "register", "--lake", lake, "--trino-url", trino.jdbcUrl(), "--json");
      assertThat(register.exitCode()).as(register.err()).isZero();
      assertThat(json(register).get("registered")).hasSize((int) goldTables);

      // Registering again changes nothing in Trino.
      CliRun again =
          CliRun.of("trino", "register", "--lake", lake, "--trino-url", trino.jdbcUrl(), "--json");
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(json(again).get("registered")).isEmpty();
      assertThat(json(again).get("unchanged")).hasSize((int) goldTables);

      // The governed number on Trino is Spark's.
      assertThat(governedAttainment("--engine", "trino", "--trino-url", trino.jdbcUrl()))
          .isCloseTo(sparkAttainment(), within(1e-9));

      // Every question of the dashboard workload, through the layer on Trino, gives the answer
      // of the same question written by hand for DuckDB (and so of the layer in-process): the
      // benchmark checks each before it times anything, and fails with exit 1 on a difference.
      CliRun bench =
          CliRun.of(
              "bench",
              "query",
              "--lake",
              lake,
              "--engine",
              "trino",
              "--trino-url",
              trino.jdbcUrl(),
              "--warmup",
              "0",
              "--runs",
              "1",
              "--json",
              "--csv",
              scratch.resolve("query.csv").toString());
      assertThat(bench.exitCode()).as(bench.out() + bench.err()).isZero();
      assertThat(bench.err()).contains("all 20 answers match, in-process and on Trino");
      assertThat(bench.out()).contains("trino_p50_ms");
    }
  }

  @Test
  void theDashboardWorkloadIsServedThroughBothEndpoints(@TempDir Path scratch) {
    assertThat(first.exitCode()).as(first.err()).isZero();
    // The benchmark asks each of the 20 dashboard questions through the real Flight SQL and
    // Avatica JDBC drivers and compares every answer with the in-process one (exit 1 if any
    // differs), then times them with two concurrent clients per endpoint.
    CliRun bench =
        CliRun.of(
            "bench",
            "serve",
            "--lake",
            demo.resolve("lake").toString(),
            "--clients",
            "2",
            "--warmup",
            "0",
            "--runs",
            "1",
            "--json",
            "--csv",
            scratch.resolve("serve.csv").toString());
    assertThat(bench.exitCode()).as(bench.out() + bench.err()).isZero();
    assertThat(bench.err()).contains("all answers match in-process, through both endpoints");
    assertThat(bench.out())
        .contains("in_process_p50_ms", "flight_sql_p50_ms", "avatica_p50_ms")
        .contains("flight_sql_2_clients_qps", "avatica_2_clients_qps");
  }

  private double governedAttainment(String... engine) {
    List<String> args =
        new ArrayList<>(
            List.of("sql", "--lake", demo.resolve("lake").toString(), "--format", "csv"));
    args.addAll(List.of(engine));
    args.add("SELECT MEASURE(target_attainment) FROM metrics");
    CliRun attainment = CliRun.of(args.toArray(String[]::new));
    assertThat(attainment.exitCode()).as(attainment.err()).isZero();
    String[] csv = attainment.out().strip().split("\n");
    assertThat(csv[0]).isEqualTo("target_attainment");
    return Double.parseDouble(csv[1]);
  }

  /** Target attainment computed here with Spark from the mart: won over target, reps summed. */
  private double sparkAttainment() {
    Row repTotals =
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(demo.resolve("lake/gold/mart_target_attainment").toUri().toString())
            .filter(col("target_level").equalTo("rep"))
            .agg(sum("won_amount"), sum("target_amount"))
            .first();
    return repTotals.getDecimal(0).doubleValue() / repTotals.getDecimal(1).doubleValue();
  }

  private static JsonNode json(CliRun run) throws IOException {
    return new ObjectMapper().readTree(run.out());
  }

  private static Map<String, JsonNode> lake(Path demo) throws IOException {
    CliRun ls = CliRun.of("lake", "ls", "--lake", demo.resolve("lake").toString(), "--json");
    assertThat(ls.exitCode()).as(ls.err()).isZero();
    Map<String, JsonNode> tables = new HashMap<>();
    for (JsonNode table : new ObjectMapper().readTree(ls.out())) {
      tables.put(table.get("table").asText(), table);
    }
    return tables;
  }

  private static long csvRecords(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.stream().count();
    }
  }
}
