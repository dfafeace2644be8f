package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesdw.generator.SourceFiles.Failure;
import io.salesdw.generator.SourceFiles.Table;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every defect kind is found in the files by this test's own reading, its count equals the
 * manifest's exactly, and its rate is the documented one (typed here from the README) within three
 * binomial standard deviations at the file's size.
 */
class TestInjectedDefects {
  private static GeneratedOrganisation organisation;
  private static Path root;

  @BeforeAll
  static void generate() {
    organisation = GeneratedOrganisation.get();
    root = organisation.directory();
  }

  @Test
  void crmExportDefects() {
    Table leads = SourceFiles.csv(root, "crm/leads.csv");
    Map<String, Map<String, String>> uniqueLeads = byId(leads, "lead_id");
    long duplicateLeads = leads.rows().size() - uniqueLeads.size();
    check("crm/leads.csv", "duplicate_row", null, duplicateLeads, leads.records(), 0.003);
    check(
        "crm/leads.csv",
        "missing_field",
        "phone",
        empty(uniqueLeads, "phone"),
        leads.records(),
        0.025);
    check(
        "crm/leads.csv",
        "missing_field",
        "industry",
        empty(uniqueLeads, "industry"),
        leads.records(),
        0.03);
    check(
        "crm/leads.csv",
        "missing_field",
        "region_name",
        empty(uniqueLeads, "region_name"),
        leads.records(),
        0.02);

    Table accounts = SourceFiles.csv(root, "crm/accounts.csv", Charset.forName("GBK"));
    Map<String, Map<String, String>> accountsById = byId(accounts, "account_id");
    check(
        "crm/accounts.csv",
        "missing_field",
        "industry",
        empty(accountsById, "industry"),
        accounts.records(),
        0.02);
    check(
        "crm/accounts.csv",
        "missing_field",
        "city",
        empty(accountsById, "city"),
        accounts.records(),
        0.03);
    check(
        "crm/accounts.csv",
        "missing_field",
        "phone",
        empty(accountsById, "phone"),
        accounts.records(),
        0.05);

    Table contacts = SourceFiles.csv(root, "crm/contacts.csv");
    Map<String, Map<String, String>> contactsById = byId(contacts, "contact_id");
    check(
        "crm/contacts.csv",
        "missing_field",
        "title",
        empty(contactsById, "title"),
        contacts.records(),
        0.06);
    check(
        "crm/contacts.csv",
        "missing_field",
        "phone",
        empty(contactsById, "phone"),
        contacts.records(),
        0.04);

    Table activities = SourceFiles.csv(root, "crm/activities.csv");
    long duplicateActivities = activities.rows().size() - byId(activities, "activity_id").size();
    check(
        "crm/activities.csv",
        "duplicate_row",
        null,
        duplicateActivities,
        activities.records(),
        0.004);
    check(
        "crm/activities.csv",
        "malformed_field_count",
        null,
        activities.count(Failure.FIELD_COUNT),
        activities.records(),
        0.001);
    check(
        "crm/activities.csv",
        "malformed_number",
        null,
        activities.count(Failure.NUMBER),
        activities.records(),
        0.001);
    check(
        "crm/activities.csv",
        "malformed_date",
        null,
        activities.count(Failure.DATE),
        activities.records(),
        0.001);

    Table forecasts = SourceFiles.csv(root, "crm/forecast-submissions.csv");
    check(
        "crm/forecast-submissions.csv",
        "malformed_number",
        null,
        forecasts.count(Failure.NUMBER),
        forecasts.records(),
        0.002);
    check(
        "crm/forecast-submissions.csv",
        "malformed_date",
        null,
        forecasts.count(Failure.DATE),
        forecasts.records(),
        0.002);
  }

  @Test
  void changeFeedDefects() {
    long lines = 0;
    long broken = 0;
    long duplicates = 0;
    long late = 0;
    long outOfOrder = 0;
    Set<String> changeIds = new HashSet<>();
    for (Path file : SourceFiles.files(root.resolve("crm/changes"), "changes-*.jsonl")) {
      String fileMonth =
          file.getFileName().toString().substring("changes-".length(), "changes-yyyy-MM".length());
      SourceFiles.JsonLines parsed = SourceFiles.jsonLines(file);
      lines += parsed.lines().size() + parsed.broken();
      broken += parsed.broken();
      Map<String, String> latestByKey = new HashMap<>();
      for (JsonNode change : parsed.lines()) {
        if (!changeIds.add(change.path("change_id").asText())) {
          duplicates++;
        }
        String changedAt = change.path("changed_at").asText();
        if (changedAt.substring(0, 7).compareTo(fileMonth) < 0) {
          late++;
        }
        String key = change.path("entity").asText() + "/" + change.path("key").asText();
        String latest = latestByKey.get(key);
        if (latest != null && latest.compareTo(changedAt) > 0) {
          outOfOrder++;
        } else {
          latestByKey.put(key, changedAt);
        }
      }
    }
    String feed = "crm/changes/changes-*.jsonl";
    check(feed, "malformed_json", null, broken, lines, 0.001);
    check(feed, "duplicate_change", null, duplicates, lines, 0.005);
    check(feed, "late_change", null, late, lines, 0.015);
    check(feed, "out_of_order_change", null, outOfOrder, lines, 0.01);
  }

  @Test
  void erpExportDefects() {
    Table customers = SourceFiles.csv(root, "erp/customers.csv");
    Map<String, Map<String, String>> byCode = byId(customers, "customer_code");
    check(
        "erp/customers.csv",
        "missing_field",
        "phone",
        empty(byCode, "phone"),
        customers.records(),
        0.04);
    check(
        "erp/customers.csv",
        "missing_field",
        "region_name",
        empty(byCode, "region_name"),
        customers.records(),
        0.02);
    Table payments = SourceFiles.csv(root, "erp/payments.csv");
    check(
        "erp/payments.csv",
        "malformed_number",
        null,
        payments.count(Failure.NUMBER),
        payments.records(),
        0.003);
    check(
        "erp/payments.csv",
        "malformed_date",
        null,
        payments.count(Failure.DATE),
        payments.records(),
        0.003);
    Table tickets = SourceFiles.csv(root, "erp/delivery-tickets.csv");
    check(
        "erp/delivery-tickets.csv",
        "malformed_field_count",
        null,
        tickets.count(Failure.FIELD_COUNT),
        tickets.records(),
        0.003);
  }

  @Test
  void chatArchiveDefects() {
    long lines = 0;
    long broken = 0;
    long duplicates = 0;
    Set<String> messageIds = new HashSet<>();
    for (Path file : SourceFiles.files(root.resolve("chat"), "messages-*.jsonl")) {
      SourceFiles.JsonLines parsed = SourceFiles.jsonLines(file);
      lines += parsed.lines().size() + parsed.broken();
      broken += parsed.broken();
      for (JsonNode message : parsed.lines()) {
        if (!messageIds.add(message.path("msgid").asText())) {
          duplicates++;
        }
      }
    }
    check("chat/messages-*.jsonl", "duplicate_row", null, duplicates, lines, 0.002);
    check("chat/messages-*.jsonl", "malformed_json", null, broken, lines, 0.0005);
    SourceFiles.JsonLines calls = SourceFiles.jsonLines(root.resolve("chat/calls.jsonl"));
    check(
        "chat/calls.jsonl",
        "malformed_json",
        null,
        calls.broken(),
        calls.lines().size() + calls.broken(),
        0.002);
  }

  @Test
  void sameCompaniesAppearUnderNameVariantsAndDuplicates() {
    Table identity = SourceFiles.csv(root, "ground-truth/account-identity.csv");
    Map<String, Long> variants = new HashMap<>();
    Map<String, Long> records = new HashMap<>();
    Map<String, Long> missing = new HashMap<>();
    Map<String, Set<String>> companies = new HashMap<>();
    Map<String, Long> duplicates = new HashMap<>();
    for (Map<String, String> row : identity.rows()) {
      String system = row.get("source_system");
      records.merge(system, 1L, Long::sum);
      if (row.get("source_name").isEmpty()) {
        missing.merge(system, 1L, Long::sum);
      } else if (!row.get("source_name").equals(row.get("registered_name"))) {
        variants.merge(system, 1L, Long::sum);
      }
      if (!companies.computeIfAbsent(system, s -> new HashSet<>()).add(row.get("company_id"))) {
        duplicates.merge(system, 1L, Long::sum);
      }
    }
    // Duplicate CRM accounts and ERP customer codes: a company seen again in the same system.
    check(
        "crm/accounts.csv",
        "duplicate_entity",
        null,
        duplicates.getOrDefault("crm", 0L),
        records.get("crm"),
        0.035);
    check(
        "erp/customers.csv",
        "duplicate_entity",
        null,
        duplicates.getOrDefault("erp", 0L),
        records.get("erp"),
        0.012);
    check("crm/accounts.csv", "name_variant", null, variants.get("crm"), records.get("crm"), 0.18);
    check("erp/customers.csv", "name_variant", null, variants.get("erp"), records.get("erp"), 0.31);
    check(
        "chat/contacts.jsonl",
        "name_variant",
        "corp_name",
        variants.get("chat"),
        records.get("chat"),
        0.69);
    check(
        "chat/contacts.jsonl",
        "missing_field",
        "corp_name",
        missing.get("chat"),
        records.get("chat"),
        0.08);
    // Chat contacts carry no duplicates: one external user id per person.
    assertThat(duplicates.getOrDefault("chat", 0L)).isLessThan(records.get("chat"));
  }

  /**
   * The count measured in the files equals the manifest's exactly, is not zero, and its rate is the
   * documented one within three binomial standard deviations.
   */
  private static void check(
      String file, String kind, String column, long measured, long records, double documentedRate) {
    assertThat(measured)
        .as("%s %s %s measured in the files", file, kind, column)
        .isEqualTo(organisation.defectCount(file, kind, column))
        .isPositive();
    double sigma = Math.sqrt(documentedRate * (1 - documentedRate) / records);
    assertThat((double) measured / records)
        .as("%s %s %s rate", file, kind, column)
        .isCloseTo(documentedRate, within(3 * sigma));
  }

  private static Map<String, Map<String, String>> byId(Table table, String idColumn) {
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (Map<String, String> row : table.rows()) {
      rows.put(row.get(idColumn), row);
    }
    return rows;
  }

  private static long empty(Map<String, Map<String, String>> rows, String column) {
    return rows.values().stream().filter(row -> row.get(column).isEmpty()).count();
  }
}
