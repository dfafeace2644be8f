package io.salesdw.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestSourceContracts {
  /** The generator's own description of its files: an independent source of expectations. */
  private static final Path FORMAT_MD = Path.of("..", "generator", "FORMAT.md");

  /** Columns whose contract name differs from the export's on purpose (see the YAML's header). */
  private static final Map<String, String> RENAMED = Map.of("crm.leads.channel_name", "channel_id");

  private final SourceContracts contracts = SourceContracts.load();

  @Test
  void everyFileOfTheGeneratorHasAContract() throws IOException {
    Map<String, List<String>> files = formatFiles();
    // 12 CRM CSVs + the change feed, 10 ERP CSVs, 3 chat JSONL files.
    assertThat(files).hasSize(26);
    for (String file : files.keySet()) {
      String[] parts = file.split("/");
      SourceSystem source = SourceSystem.valueOf(parts[0].toUpperCase(Locale.ROOT));
      String entity = entityOf(parts[parts.length - 1]);
      assertThat(contracts.find(source, entity)).as("contract for %s", file).isPresent();
    }
    assertThat(contracts.tables()).hasSize(files.size());
  }

  @Test
  void csvContractsHaveTheColumnsOfTheGeneratorsFiles() throws IOException {
    for (Map.Entry<String, List<String>> file : formatFiles().entrySet()) {
      if (file.getValue().isEmpty()) {
        continue; // JSONL files: their fields are checked by the ingestion mapping tests
      }
      String[] parts = file.getKey().split("/");
      SourceSystem source = SourceSystem.valueOf(parts[0].toUpperCase(Locale.ROOT));
      String entity = entityOf(parts[parts.length - 1]);
      List<String> expected = new ArrayList<>();
      for (String column : file.getValue()) {
        expected.add(RENAMED.getOrDefault(source.code() + "." + entity + "." + column, column));
      }
      assertThat(contracts.get(source, entity).columnNames())
          .as("columns of %s", file.getKey())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void keysAndChangeOrderingAreAmongTheColumns() {
    for (TableContract table : contracts.tables()) {
      assertThat(table.columnNames()).containsAll(table.naturalKey());
      table.changeOrdering().ifPresent(column -> assertThat(table.columnNames()).contains(column));
      for (String key : table.naturalKey()) {
        assertThat(table.column(key).orElseThrow().nullable()).as("%s.%s", table, key).isFalse();
      }
    }
  }

  @Test
  void declaresTypesPersonalDataAndEnumerations() {
    TableContract leads = contracts.get(SourceSystem.CRM, "leads");
    assertThat(leads.tableName()).isEqualTo("crm_leads");
    assertThat(leads.naturalKey()).containsExactly("lead_id");
    assertThat(leads.changeOrdering()).contains("updated_at");
    assertThat(leads.piiColumns()).containsExactly("contact_name", "phone", "email");
    assertThat(leads.column("channel_id").orElseThrow().allowedValues()).contains("website_form");
    assertThat(leads.column("created_at").orElseThrow().type())
        .isEqualTo(LogicalType.of(LogicalType.Kind.TIMESTAMP));
    assertThat(contracts.get(SourceSystem.ERP, "orders").column("amount").orElseThrow().type())
        .isEqualTo(LogicalType.decimal(16, 2));
    assertThat(contracts.get(SourceSystem.ERP, "product_lines").changeOrdering()).isEmpty();
  }

  @Test
  void unknownEntityNamesTheKnownOnes() {
    assertThatThrownBy(() -> contracts.get(SourceSystem.CHAT, "meetings"))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "no contract for chat entity 'meetings'; the chat entities are: contacts,"
                + " messages, calls");
  }

  @Test
  void rejectsUnknownKeysWithLineAndKnownKeys() {
    String yaml =
        """
        tables:
          - source: crm
            entity: regions
            natural-key: [region_id]
            columns:
              - {name: region_id, type: string, nulable: false}
        """;
    assertThatThrownBy(() -> SourceContracts.parse(yaml, "bad.yaml"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("bad.yaml line 6: unknown key 'nulable' at tables[0].columns[0];")
        .hasMessageContaining("description, name, nullable, pii, type, values")
        .hasMessageContaining("Fix the spelling or remove the key");
  }

  @Test
  void reportsEveryIssueOfAFileAtOnce() {
    String yaml =
        """
        tables:
          - source: crm
            entity: regions
            natural-key: [region_code]
            change-ordering: updated
            columns:
              - {name: region_id, type: varchar, nullable: false}
              - {name: region_name, type: "decimal(40,2)"}
          - source: sap
            entity: orders
            natural-key: [order_no]
            columns:
              - {name: order_no, type: string}
        """;
    assertThatThrownBy(() -> SourceContracts.parse(yaml, "bad.yaml"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("bad.yaml has 6 invalid contract declaration(s):")
        .hasMessageContaining("crm.regions.region_id: 'type' must be string, integer")
        .hasMessageContaining("crm.regions.region_name: 'type' must be")
        .hasMessageContaining(
            "crm.regions: natural key column 'region_code' is not among its columns []")
        .hasMessageContaining("crm.regions: change-ordering column 'updated' is not among")
        .hasMessageContaining("tables[1]: 'source' must be one of crm, erp, chat, found: 'sap'")
        .hasMessageContaining(
            "sap.orders: natural key column 'order_no' must say 'nullable: false'");
  }

  @Test
  void parsesLogicalTypes() {
    assertThat(LogicalType.parse("decimal(14, 2)")).contains(LogicalType.decimal(14, 2));
    assertThat(LogicalType.parse("Timestamp")).contains(LogicalType.of(LogicalType.Kind.TIMESTAMP));
    assertThat(LogicalType.parse("decimal(2,3)")).isEmpty();
    assertThat(LogicalType.parse("varchar")).isEmpty();
    assertThat(LogicalType.decimal(16, 2).toString()).isEqualTo("decimal(16,2)");
  }

  /**
   * The CSV and JSONL files FORMAT.md lists under crm/, erp/ and chat/, each with its columns
   * (empty for JSONL files).
   */
  private static Map<String, List<String>> formatFiles() throws IOException {
    String text = Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
    Map<String, List<String>> files = new LinkedHashMap<>();
    String layout =
        text.substring(text.indexOf("## Layout"), text.indexOf("## Common conventions"));
    String directory = "";
    Pattern fileName = Pattern.compile("([a-z]+/)?([a-z-]+(?:-YYYY-MM)?\\.(?:csv|jsonl))");
    for (String line : layout.split("\n")) {
      String stripped = line.strip();
      if (stripped.matches("[a-z-]+/")) {
        directory = stripped;
        continue;
      }
      if (!List.of("crm/", "erp/", "chat/").contains(directory)) {
        continue;
      }
      Matcher matcher = fileName.matcher(stripped.split("\\s{2,}[A-Z]")[0]);
      while (matcher.find()) {
        String name = matcher.group(2);
        files.put(directory.replace("/", "") + "/" + name, columnsOf(text, name));
      }
    }
    return files;
  }

  private static List<String> columnsOf(String text, String fileName) {
    if (!fileName.endsWith(".csv")) {
      return List.of();
    }
    // "### leads.csv ...\n`a,b,c`" (CRM) or "- `products.csv`: `a,b,c`" (ERP)
    Matcher matcher =
        Pattern.compile(
                "(?:### "
                    + Pattern.quote(fileName)
                    + "[^\\n]*\\n`|- `"
                    + Pattern.quote(fileName)
                    + "`: `)([a-z_,]+)`")
            .matcher(text);
    assertThat(matcher.find()).as("columns of %s in FORMAT.md", fileName).isTrue();
    return Arrays.asList(matcher.group(1).split(","));
  }

  private static String entityOf(String fileName) {
    return fileName.replaceAll("\\.(csv|jsonl)$", "").replace("-YYYY-MM", "").replace('-', '_');
  }
}
