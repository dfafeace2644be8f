package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesdw.generator.SourceFiles.Table;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every foreign key in every generated file resolves, once the deliberately malformed rows are set
 * aside — and the number set aside in each file is exactly the manifest's injected count.
 */
class TestReferentialIntegrity {
  private static GeneratedOrganisation organisation;
  private static final Map<String, Table> TABLES = new TreeMap<>();

  @BeforeAll
  static void readFiles() {
    organisation = GeneratedOrganisation.get();
    Path root = organisation.directory();
    for (String file :
        List.of(
            "crm/regions.csv",
            "crm/teams.csv",
            "crm/reps.csv",
            "crm/channels.csv",
            "crm/contacts.csv",
            "crm/leads.csv",
            "crm/opportunities.csv",
            "crm/opportunity-stage-history.csv",
            "crm/activities.csv",
            "crm/forecast-submissions.csv",
            "crm/targets.csv",
            "erp/product-lines.csv",
            "erp/products.csv",
            "erp/price-policies.csv",
            "erp/customers.csv",
            "erp/quotes.csv",
            "erp/contracts.csv",
            "erp/orders.csv",
            "erp/invoices.csv",
            "erp/payments.csv",
            "erp/delivery-tickets.csv")) {
      TABLES.put(file, SourceFiles.csv(root, file));
    }
    TABLES.put(
        "crm/accounts.csv", SourceFiles.csv(root, "crm/accounts.csv", Charset.forName("GBK")));
  }

  @Test
  void malformedRowsSetAsideEqualTheManifestCounts() {
    for (Map.Entry<String, Table> entry : TABLES.entrySet()) {
      assertThat((long) entry.getValue().failures().size())
          .as("malformed rows in %s", entry.getKey())
          .isEqualTo(organisation.malformedCount(entry.getKey()));
    }
    long feedBroken = 0;
    for (Path file : SourceFiles.files(organisation.file("crm/changes"), "changes-*.jsonl")) {
      feedBroken += SourceFiles.jsonLines(file).broken();
    }
    assertThat(feedBroken).isEqualTo(organisation.malformedCount("crm/changes/changes-*.jsonl"));
    long messagesBroken = 0;
    for (Path file : SourceFiles.files(organisation.file("chat"), "messages-*.jsonl")) {
      messagesBroken += SourceFiles.jsonLines(file).broken();
    }
    assertThat(messagesBroken).isEqualTo(organisation.malformedCount("chat/messages-*.jsonl"));
    assertThat(SourceFiles.jsonLines(organisation.file("chat/calls.jsonl")).broken())
        .isEqualTo(organisation.malformedCount("chat/calls.jsonl"));
    assertThat(SourceFiles.jsonLines(organisation.file("chat/contacts.jsonl")).broken()).isZero();
  }

  @Test
  void organisationResolves() {
    Set<String> regions = ids("crm/regions.csv", "region_id");
    Set<String> teams = ids("crm/teams.csv", "team_id");
    Set<String> reps = ids("crm/reps.csv", "rep_id");
    assertResolves("crm/teams.csv", "region_id", regions);
    assertResolves("crm/teams.csv", "manager_rep_id", reps);
    assertResolves("crm/reps.csv", "team_id", teams);
    assertResolves("crm/reps.csv", "manager_rep_id", reps);
    for (Map<String, String> target : TABLES.get("crm/targets.csv").rows()) {
      Set<String> owners =
          switch (target.get("target_level")) {
            case "rep" -> reps;
            case "team" -> teams;
            case "region" -> regions;
            default -> Set.of();
          };
      assertThat(owners).as("target owner %s", target).contains(target.get("target_owner_id"));
    }
  }

  @Test
  void crmResolves() {
    Set<String> reps = ids("crm/reps.csv", "rep_id");
    Set<String> accounts = ids("crm/accounts.csv", "account_id");
    Set<String> contacts = ids("crm/contacts.csv", "contact_id");
    Set<String> leads = ids("crm/leads.csv", "lead_id");
    Set<String> opportunities = ids("crm/opportunities.csv", "opportunity_id");
    assertResolves("crm/contacts.csv", "account_id", accounts);
    assertResolves("crm/accounts.csv", "owner_rep_id", reps);
    assertResolves("crm/leads.csv", "assigned_rep_id", reps);
    assertResolves("crm/leads.csv", "opportunity_id", opportunities);
    assertResolves("crm/opportunities.csv", "account_id", accounts);
    assertResolves("crm/opportunities.csv", "lead_id", leads);
    assertResolves("crm/opportunities.csv", "owner_rep_id", reps);
    assertResolves("crm/opportunity-stage-history.csv", "opportunity_id", opportunities);
    assertResolves("crm/opportunity-stage-history.csv", "changed_by_rep_id", reps);
    assertResolves("crm/activities.csv", "rep_id", reps);
    assertResolves("crm/activities.csv", "account_id", accounts);
    assertResolves("crm/activities.csv", "contact_id", contacts);
    assertResolves("crm/activities.csv", "lead_id", leads);
    assertResolves("crm/activities.csv", "opportunity_id", opportunities);
    assertResolves("crm/forecast-submissions.csv", "opportunity_id", opportunities);
    assertResolves("crm/forecast-submissions.csv", "rep_id", reps);
    Set<String> channels = new HashSet<>();
    TABLES.get("crm/channels.csv").rows().forEach(row -> channels.add(row.get("channel_name")));
    assertResolves("crm/leads.csv", "channel_name", channels);
  }

  @Test
  void firstTouchIsTheLeadsFirstActivity() {
    Map<String, String> firstActivity = new java.util.HashMap<>();
    for (Map<String, String> activity : TABLES.get("crm/activities.csv").rows()) {
      String lead = activity.get("lead_id");
      if (!lead.isEmpty()) {
        firstActivity.merge(
            lead, activity.get("started_at"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    long touched = 0;
    long differing = 0;
    for (Map<String, String> lead : TABLES.get("crm/leads.csv").rows()) {
      if (!lead.get("first_touch_at").isEmpty()) {
        touched++;
        if (!lead.get("first_touch_at").equals(firstActivity.get(lead.get("lead_id")))) {
          differing++;
        }
      }
    }
    // Only a first-touch activity whose row was made malformed can be missing.
    assertThat(touched).isGreaterThan(1000);
    assertThat(differing).isLessThanOrEqualTo(organisation.malformedCount("crm/activities.csv"));
    assertThat(firstActivity.keySet()).isSubsetOf(ids("crm/leads.csv", "lead_id"));
  }

  @Test
  void erpResolves() {
    Set<String> lines = ids("erp/product-lines.csv", "product_line_code");
    Set<String> skus = ids("erp/products.csv", "sku");
    Set<String> customers = ids("erp/customers.csv", "customer_code");
    Set<String> quotes = ids("erp/quotes.csv", "quote_no");
    Set<String> contracts = ids("erp/contracts.csv", "contract_no");
    Set<String> orders = ids("erp/orders.csv", "order_no");
    Set<String> invoices = ids("erp/invoices.csv", "invoice_no");
    Set<String> opportunities = ids("crm/opportunities.csv", "opportunity_id");
    assertResolves("erp/products.csv", "product_line_code", lines);
    assertResolves("erp/price-policies.csv", "product_line_code", lines);
    assertResolves("crm/opportunities.csv", "product_line_code", lines);
    assertResolves("erp/quotes.csv", "customer_code", customers);
    assertResolves("erp/quotes.csv", "sku", skus);
    assertResolves("erp/quotes.csv", "crm_opportunity_id", opportunities);
    assertResolves("erp/contracts.csv", "customer_code", customers);
    assertResolves("erp/contracts.csv", "quote_no", quotes);
    assertResolves("erp/contracts.csv", "crm_opportunity_id", opportunities);
    assertResolves("erp/orders.csv", "contract_no", contracts);
    assertResolves("erp/orders.csv", "customer_code", customers);
    assertResolves("erp/orders.csv", "sku", skus);
    assertResolves("erp/invoices.csv", "order_no", orders);
    assertResolves("erp/payments.csv", "invoice_no", invoices);
    assertResolves("erp/payments.csv", "contract_no", contracts);
    assertResolves("erp/payments.csv", "customer_code", customers);
    assertResolves("erp/delivery-tickets.csv", "order_no", orders);
    assertResolves("erp/delivery-tickets.csv", "customer_code", customers);
  }

  @Test
  void chatResolves() {
    Set<String> externalIds = new HashSet<>();
    for (JsonNode contact :
        SourceFiles.jsonLines(organisation.file("chat/contacts.jsonl")).lines()) {
      externalIds.add(contact.path("external_userid").asText());
    }
    Set<String> repUserIds = ids("crm/reps.csv", "wecom_userid");
    Set<String> everyone = new HashSet<>(externalIds);
    everyone.addAll(repUserIds);
    for (JsonNode contact :
        SourceFiles.jsonLines(organisation.file("chat/contacts.jsonl")).lines()) {
      assertThat(repUserIds).contains(contact.path("follow_rep_userid").asText());
    }
    assertResolves("crm/contacts.csv", "wecom_external_userid", externalIds);
    List<String> unresolved = new ArrayList<>();
    long messages = 0;
    for (Path file : SourceFiles.files(organisation.file("chat"), "messages-*.jsonl")) {
      for (JsonNode message : SourceFiles.jsonLines(file).lines()) {
        messages++;
        if (!everyone.contains(message.path("from").asText())) {
          unresolved.add(message.path("msgid").asText() + " from");
        }
        for (JsonNode receiver : message.path("tolist")) {
          if (!everyone.contains(receiver.asText())) {
            unresolved.add(message.path("msgid").asText() + " to " + receiver.asText());
          }
        }
      }
    }
    assertThat(messages).isPositive();
    assertThat(unresolved).isEmpty();
    Set<String> reps = ids("crm/reps.csv", "rep_id");
    Set<String> opportunities = ids("crm/opportunities.csv", "opportunity_id");
    for (JsonNode call : SourceFiles.jsonLines(organisation.file("chat/calls.jsonl")).lines()) {
      assertThat(reps).contains(call.path("rep_id").asText());
      assertThat(externalIds).contains(call.path("external_userid").asText());
      if (!call.path("opportunity_id").isNull()) {
        assertThat(opportunities).contains(call.path("opportunity_id").asText());
      }
    }
  }

  @Test
  void groundTruthCoversEverySourceRecord() {
    Table identity = SourceFiles.csv(organisation.directory(), "ground-truth/account-identity.csv");
    Set<String> crm = new HashSet<>();
    Set<String> erp = new HashSet<>();
    Set<String> chat = new HashSet<>();
    for (Map<String, String> row : identity.rows()) {
      switch (row.get("source_system")) {
        case "crm" -> crm.add(row.get("source_id"));
        case "erp" -> erp.add(row.get("source_id"));
        default -> chat.add(row.get("source_id"));
      }
    }
    assertThat(crm).isEqualTo(ids("crm/accounts.csv", "account_id"));
    assertThat(erp).isEqualTo(ids("erp/customers.csv", "customer_code"));
    Set<String> externalIds = new HashSet<>();
    for (JsonNode contact :
        SourceFiles.jsonLines(organisation.file("chat/contacts.jsonl")).lines()) {
      externalIds.add(contact.path("external_userid").asText());
    }
    assertThat(chat).isEqualTo(externalIds);
    Table probabilities =
        SourceFiles.csv(organisation.directory(), "ground-truth/win-probabilities.csv");
    Set<String> withProbability = new HashSet<>();
    probabilities.rows().forEach(row -> withProbability.add(row.get("opportunity_id")));
    assertThat(withProbability).isEqualTo(ids("crm/opportunities.csv", "opportunity_id"));
  }

  private static Set<String> ids(String file, String column) {
    Set<String> ids = new HashSet<>();
    for (Map<String, String> row : TABLES.get(file).rows()) {
      ids.add(row.get(column));
    }
    return ids;
  }

  private static void assertResolves(String file, String column, Set<String> ids) {
    Predicate<String> missing = value -> !value.isEmpty() && !ids.contains(value);
    List<String> unresolved =
        TABLES.get(file).rows().stream()
            .map(row -> row.get(column))
            .filter(missing)
            .limit(5)
            .toList();
    assertThat(unresolved).as("%s.%s values that do not resolve", file, column).isEmpty();
  }
}
