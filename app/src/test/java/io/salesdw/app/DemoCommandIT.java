package io.salesdw.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.testing.TestingSparkSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {
  @Test
  void demoGeneratesAndLandsEverySourceAndARerunLandsNothingTwice(@TempDir Path dir)
      throws IOException {
    Path demo = dir.resolve("demo");

    CliRun first = CliRun.of("demo", "--out", demo.toString(), "--scale", "0.005");

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
    Row repTotals =
        TestingSparkSession.get()
            .read()
            .format("delta")
            .load(demo.resolve("lake/gold/mart_target_attainment").toUri().toString())
            .filter(col("target_level").equalTo("rep"))
            .agg(sum("won_amount"), sum("target_amount"))
            .first();
    double expectedAttainment =
        repTotals.getDecimal(0).doubleValue() / repTotals.getDecimal(1).doubleValue();
    CliRun attainment =
        CliRun.of(
            "sql",
            "--lake",
            demo.resolve("lake").toString(),
            "--format",
            "csv",
            "SELECT MEASURE(target_attainment) FROM metrics");
    assertThat(attainment.exitCode()).as(attainment.err()).isZero();
    String[] csv = attainment.out().strip().split("\n");
    assertThat(csv[0]).isEqualTo("target_attainment");
    assertThat(Double.parseDouble(csv[1])).isCloseTo(expectedAttainment, within(1e-9));

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
