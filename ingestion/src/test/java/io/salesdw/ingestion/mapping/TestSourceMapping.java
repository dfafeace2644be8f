package io.salesdw.ingestion.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestSourceMapping {
  private static final SourceContracts CONTRACTS = SourceContracts.load();

  @Test
  void appliesTheDefaults() {
    SourceMapping mapping =
        SourceMapping.parse(
            """
            source: erp
            time-zone: Asia/Shanghai
            files:
              - {entity: orders, pattern: orders.csv}
            """,
            "minimal.yaml",
            CONTRACTS);
    FileMapping orders = mapping.files().get(0);
    assertThat(mapping.description()).isEmpty();
    assertThat(mapping.ignoreFiles()).isEmpty();
    assertThat(orders.format()).isEqualTo(FileFormat.CSV);
    assertThat(orders.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(orders.delimiter()).isEqualTo(',');
    assertThat(orders.timestampFormat().text()).isEqualTo(TemporalFormat.ISO);
    assertThat(orders.dateFormat().text()).isEqualTo(TemporalFormat.ISO);
    assertThat(orders.trueValues()).containsExactly("true");
    assertThat(orders.falseValues()).containsExactly("false");
    assertThat(orders.nullValues()).containsExactly("");
    assertThat(orders.columns()).isEmpty();
    assertThat(orders.absentColumns()).isEmpty();
    assertThat(orders.sourceColumn("order_no")).isEqualTo("order_no");
  }

  @Test
  void readsAFullMappingWithFileLevelOverrides() {
    SourceMapping mapping =
        SourceMapping.parse(
            """
            source: crm
            description: a full mapping
            encoding: GBK
            delimiter: ";"
            time-zone: Asia/Shanghai
            timestamp-format: "yyyy/MM/dd HH:mm"
            date-format: "yyyy/MM/dd"
            true-values: [Y]
            false-values: [N]
            null-values: ["", "NULL"]
            ignore-files: ["*.txt"]
            files:
              - entity: opportunities
                pattern: "exports/opps-*.csv"
                format: csv
                encoding: UTF-8
                delimiter: "\\t"
                time-zone: America/Los_Angeles
                timestamp-format: iso
                date-format: "MM/dd/yyyy"
                true-values: ["yes"]
                false-values: ["no"]
                null-values: ["-"]
                columns: {opportunity_id: Id, status: Stage, stage: Stage}
                formats: {closed_at: epoch-seconds}
                values:
                  stage: {Closed Won: won}
                  status: {Closed Won: won}
                absent-columns: [lead_id]
            """,
            "full.yaml",
            CONTRACTS);
    assertThat(mapping.description()).contains("a full mapping");
    assertThat(mapping.isIgnored("notes.txt")).isTrue();
    FileMapping file = mapping.files().get(0);
    assertThat(file.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(file.delimiter()).isEqualTo('\t');
    assertThat(file.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(file.dateFormat().text()).isEqualTo("MM/dd/yyyy");
    assertThat(file.trueValues()).containsExactly("yes");
    assertThat(file.nullValues()).containsExactly("-");
    assertThat(file.sourceColumn("status")).isEqualTo("Stage");
    assertThat(file.valueMap("stage")).contains(Map.of("Closed Won", "won"));
    assertThat(file.absentColumns()).isEqualTo(Set.of("lead_id"));
    TableContract opportunities = CONTRACTS.get(SourceSystem.CRM, "opportunities");
    assertThat(file.temporalFormat(opportunities.column("closed_at").orElseThrow()).text())
        .isEqualTo("epoch-seconds");
    assertThat(mapping.matching("exports/opps-2025.csv.gz")).containsExactly(file);
    assertThat(mapping.matching("opps-2025.csv")).isEmpty();
  }

  @Test
  void shipsAValidMappingForEverySource() {
    for (SourceSystem source : SourceSystem.values()) {
      SourceMapping mapping =
          SourceMapping.parse(
              SourceMapping.shippedText(source), SourceMapping.shippedOrigin(source), CONTRACTS);
      // Every contract of the source is fed by one file entry of its mapping.
      assertThat(mapping.files().stream().map(FileMapping::entity).sorted().toList())
          .isEqualTo(
              CONTRACTS.forSource(source).stream().map(TableContract::entity).sorted().toList());
    }
    FileMapping accounts =
        SourceMapping.parse(SourceMapping.shippedText(SourceSystem.CRM), "crm.yaml", CONTRACTS)
            .matching("accounts.csv")
            .get(0);
    assertThat(accounts.encoding()).isEqualTo(Charset.forName("GBK"));
  }

  @Test
  void rejectsUnknownKeysNamingTheLine() {
    assertThatThrownBy(
            () ->
                SourceMapping.parse(
                    """
                    source: crm
                    time-zone: Asia/Shanghai
                    files:
                      - entity: leads
                        pattern: leads.csv
                        column: {channel_id: channel_name}
                    """,
                    "typo.yaml",
                    CONTRACTS))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("typo.yaml line 6: unknown key 'column' at files[0];")
        .hasMessageContaining("absent-columns, columns, date-format");
  }

  @Test
  void reportsEveryProblemOfAMappingAtOnce() {
    assertThatThrownBy(
            () ->
                SourceMapping.parse(
                    """
                    source: crm
                    files:
                      - entity: deals
                        pattern: deals.csv
                      - entity: leads
                        pattern: leads.txt
                        encoding: UTF-16
                        columns: {channel: channel_name}
                        values:
                          status: {New: fresh}
                        absent-columns: [lead_id]
                        formats: {status: "yyyy"}
                    """,
                    "bad.yaml",
                    CONTRACTS))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("mapping bad.yaml has 8 problem(s); fix them and run again:")
        .hasMessageContaining(
            "files[0] (entity deals): 'entity' must name a crm contract: [regions,")
        .hasMessageContaining(
            "files[1] (entity leads): 'format' must be csv or jsonl (the pattern's extension does"
                + " not say which)")
        .hasMessageContaining("'encoding' UTF-16 is not ASCII-compatible")
        .hasMessageContaining("'time-zone' is missing")
        .hasMessageContaining("'columns' names channel, which is not a column of the crm_leads")
        .hasMessageContaining(
            "'values' of status maps to [fresh], which are not codes of the"
                + " contract: [new, working, converted, invalid, recycled]")
        .hasMessageContaining("'absent-columns' lists lead_id, which the contract requires")
        .hasMessageContaining("'formats' applies to date and timestamp columns; status is string");
  }

  @Test
  void listsOfValuesAreCopied() {
    assertThat(SourceMapping.DEFAULT_NULL_VALUES).isEqualTo(List.of(""));
  }
}
