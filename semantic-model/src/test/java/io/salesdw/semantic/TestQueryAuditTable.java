package io.salesdw.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryAuditEntry;
import io.salesdw.semantic.access.QueryAuditLog;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit entries written by hand, read back through the layer as {@code audit.queries}. */
class TestQueryAuditTable {
  private static final SemanticManifest MANIFEST = SemanticManifestLoader.loadShipped();

  @TempDir static Path lakeRoot;
  @TempDir Path auditDirectory;

  @BeforeAll
  static void writeLake() {
    TinyGoldLake.write(lakeRoot);
  }

  @Test
  void readsEntriesWrittenBeforeAndAfterTheLayerOpened() {
    try (QueryAuditLog audit = QueryAuditLog.open(auditDirectory)) {
      // Two UTC days: the table reads every day's file.
      audit.append(
          new QueryAuditEntry(
              Instant.parse("2026-11-29T23:59:58.250Z"),
              Duration.ofMillis(42),
              "ann",
              "executive",
              "flight-sql",
              "127.0.0.1:50001",
              "SELECT MEASURE(revenue) FROM metrics",
              List.of("revenue", "win_rate"),
              List.of("gold.dim_rep", "gold.fact_order"),
              3,
              QueryOutcome.OK,
              Optional.empty()));
      audit.append(
          new QueryAuditEntry(
              Instant.parse("2026-11-30T08:00:00Z"),
              Duration.ofMillis(300),
              "bo",
              "rep",
              "avatica",
              "127.0.0.1:50002",
              "SELECT * FROM gold.fact_order",
              List.of(),
              List.of("gold.fact_order"),
              0,
              QueryOutcome.TIMED_OUT,
              Optional.of("the query ran longer than the 300 ms allowed")));
      try (SemanticLayer layer =
          SemanticLayer.embedded(Lake.open(lakeRoot.toString()), MANIFEST, audit)) {
        audit.append(
            new QueryAuditEntry(
                Instant.parse("2026-11-30T09:15:00Z"),
                Duration.ofMillis(7),
                "cy",
                "manager",
                "avatica",
                "127.0.0.1:50003",
                "SELECT user_name FROM audit.queries",
                List.of(),
                List.of(),
                0,
                QueryOutcome.DENIED,
                Optional.of("denied")));

        List<List<Object>> rows =
            values(
                layer.query(
                    "SELECT user_name, outcome, rows_returned FROM audit.queries"
                        + " WHERE outcome <> 'DENIED' OR rows_returned > 0 ORDER BY user_name"));
        assertThat(rows).containsExactly(List.of("ann", "OK", 3L), List.of("bo", "TIMED_OUT", 0L));

        List<List<Object>> all =
            values(
                layer.query(
                    "SELECT started_at, elapsed_ms, role_name, endpoint, client, sql_text,"
                        + " metrics, tables, error FROM audit.queries ORDER BY started_at"));
        assertThat(all)
            .containsExactly(
                Arrays.asList(
                    Instant.parse("2026-11-29T23:59:58.250Z"),
                    42L,
                    "executive",
                    "flight-sql",
                    "127.0.0.1:50001",
                    "SELECT MEASURE(revenue) FROM metrics",
                    "revenue,win_rate",
                    "gold.dim_rep,gold.fact_order",
                    null),
                Arrays.asList(
                    Instant.parse("2026-11-30T08:00:00Z"),
                    300L,
                    "rep",
                    "avatica",
                    "127.0.0.1:50002",
                    "SELECT * FROM gold.fact_order",
                    "",
                    "gold.fact_order",
                    "the query ran longer than the 300 ms allowed"),
                Arrays.asList(
                    Instant.parse("2026-11-30T09:15:00Z"),
                    7L,
                    "manager",
                    "avatica",
                    "127.0.0.1:50003",
                    "SELECT user_name FROM audit.queries",
                    "",
                    "",
                    "denied"));
      }
    }
  }

  @Test
  void isEmptyBeforeTheFirstQuery() {
    try (QueryAuditLog audit = QueryAuditLog.open(auditDirectory);
        SemanticLayer layer =
            SemanticLayer.embedded(Lake.open(lakeRoot.toString()), MANIFEST, audit)) {
      assertThat(values(layer.query("SELECT count(*) AS n FROM audit.queries")))
          .containsExactly(List.of(0L));
    }
  }

  @Test
  void skipsALineACrashTore() throws IOException {
    Files.writeString(
        auditDirectory.resolve("queries-2026-11-29.jsonl"),
        "{\"started_at\":\"2026-11-29T10:00:00Z\",\"user_na");
    try (QueryAuditLog audit = QueryAuditLog.open(auditDirectory);
        SemanticLayer layer =
            SemanticLayer.embedded(Lake.open(lakeRoot.toString()), MANIFEST, audit)) {
      audit.append(
          new QueryAuditEntry(
              Instant.parse("2026-11-29T11:00:00Z"),
              Duration.ofMillis(1),
              "dee",
              "executive",
              "avatica",
              "127.0.0.1:50004",
              "SELECT 1",
              List.of(),
              List.of(),
              1,
              QueryOutcome.OK,
              Optional.empty()));
      assertThat(values(layer.query("SELECT user_name, rows_returned FROM audit.queries")))
          .containsExactly(List.of("dee", 1L));
    }
  }

  @Test
  void isNotInALayerWithoutAnAudit() {
    try (SemanticLayer layer = SemanticLayer.embedded(Lake.open(lakeRoot.toString()), MANIFEST)) {
      assertThatThrownBy(() -> layer.query("SELECT user_name FROM audit.queries"))
          .isInstanceOf(SalesdwException.class)
          .hasMessageContaining("'audit'");
    }
  }

  private static List<List<Object>> values(SemanticAnswer answer) {
    List<List<Object>> rows = new ArrayList<>();
    for (ResultRow row : answer.result().rows()) {
      rows.add(Arrays.asList(row.values().stream().map(value -> value.orElse(null)).toArray()));
    }
    return rows;
  }
}
