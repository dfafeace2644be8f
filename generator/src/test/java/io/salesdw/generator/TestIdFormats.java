package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids are a prefix and a zero-padded number, as FORMAT.md lists them. */
class TestIdFormats {
  @Test
  void everyIdColumnHasItsFormat() {
    GeneratedOrganisation organisation = GeneratedOrganisation.get();
    Map<String, List<String>> formats =
        Map.ofEntries(
            Map.entry("crm/regions.csv", List.of("region_id", "R\\d{2}")),
            Map.entry("crm/teams.csv", List.of("team_id", "T\\d{3}")),
            Map.entry("crm/reps.csv", List.of("rep_id", "REP\\d{4}")),
            Map.entry("crm/leads.csv", List.of("lead_id", "L\\d{6}")),
            Map.entry("crm/contacts.csv", List.of("contact_id", "C\\d{6}")),
            Map.entry("crm/opportunities.csv", List.of("opportunity_id", "O\\d{6}")),
            Map.entry("crm/activities.csv", List.of("activity_id", "ACT\\d{7}")),
            Map.entry("crm/forecast-submissions.csv", List.of("forecast_id", "F\\d{7}")),
            Map.entry("erp/quotes.csv", List.of("quote_no", "Q\\d{6}")),
            Map.entry("erp/contracts.csv", List.of("contract_no", "K\\d{6}")),
            Map.entry("erp/orders.csv", List.of("order_no", "SO\\d{6}")),
            Map.entry("erp/invoices.csv", List.of("invoice_no", "INV\\d{6}")),
            Map.entry("erp/payments.csv", List.of("payment_no", "PAY\\d{6}")),
            Map.entry("erp/delivery-tickets.csv", List.of("ticket_no", "DT\\d{6}")),
            Map.entry("erp/customers.csv", List.of("customer_code", "CUS\\d{5}")));
    formats.forEach(
        (file, format) -> {
          List<Map<String, String>> rows = SourceFiles.csv(organisation.directory(), file).rows();
          assertThat(rows).as(file).isNotEmpty();
          assertThat(rows)
              .allSatisfy(
                  row -> assertThat(row.get(format.get(0))).as(file).matches(format.get(1)));
        });
    assertThat(
            SourceFiles.csv(organisation.directory(), "crm/accounts.csv", Charset.forName("GBK"))
                .rows())
        .allSatisfy(row -> assertThat(row.get("account_id")).matches("A\\d{5}"));
    assertThat(
            SourceFiles.csv(organisation.directory(), "crm/accounts.csv", Charset.forName("GBK"))
                .rows())
        .allSatisfy(
            row ->
                assertThat(row.get("unified_social_credit_code"))
                    .matches("|[0-9A-HJ-NPQRTUWXY]{18}"));
  }
}
