package io.salesdw.generator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.generator.GeneratedOrganisation;
import io.salesdw.generator.SourceFiles;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestErpFiles {
  @Test
  void sqlLiteralsDoubleQuotesAndKeepBackslashes() {
    assertThat(
            ErpFiles.appendLiteral(new StringBuilder(), "Shanghai First People's Hospital")
                .toString())
        .isEqualTo("'Shanghai First People''s Hospital'");
    assertThat(ErpFiles.appendLiteral(new StringBuilder(), "a\\b''").toString())
        .isEqualTo("'a\\b'''''");
  }

  @Test
  void accountantNumbersAreNotPlainDecimals() {
    assertThat(ErpFiles.thousands("1234567.00")).isEqualTo("1,234,567.00");
    assertThat(ErpFiles.thousands("12.50")).isEqualTo("￥12.50");
  }

  @Test
  void quantitiesGiveExactUnitPrices() {
    for (long hundreds = 1; hundreds < 20_000; hundreds += 37) {
      long amount = hundreds * 10_000;
      int quantity = ErpBooks.quantityFor(amount, 250_000);
      assertThat(amount % quantity).isZero();
    }
  }

  /** erp.sql holds the CSV rows minus the malformed ones, table by table, in batched INSERTs. */
  @Test
  void sqlInsertsTheWellFormedCsvRows() throws Exception {
    GeneratedOrganisation organisation = GeneratedOrganisation.get();
    String sql = Files.readString(organisation.file("erp/erp.sql"));
    assertThat(sql)
        .contains("SET standard_conforming_strings = on;")
        .contains("BEGIN;")
        .endsWith("COMMIT;\n");
    assertThat(sql)
        .contains("CREATE TABLE payments (")
        .contains("PRIMARY KEY (quote_no, revision)")
        .contains("amount numeric(14,2)");
    Map<String, Integer> inserted = new HashMap<>();
    Matcher insert =
        Pattern.compile("INSERT INTO (\\w+) \\([^)]*\\) VALUES\\n((?:\\(.*\\)(?:,\\n|;))+)")
            .matcher(sql);
    while (insert.find()) {
      int rows = insert.group(2).split("\\),\\n\\(", -1).length;
      assertThat(rows).isLessThanOrEqualTo(500);
      inserted.merge(insert.group(1), rows, Integer::sum);
    }
    Map<String, String> files =
        Map.of(
            "customers",
            "erp/customers.csv",
            "quotes",
            "erp/quotes.csv",
            "contracts",
            "erp/contracts.csv",
            "orders",
            "erp/orders.csv",
            "invoices",
            "erp/invoices.csv",
            "payments",
            "erp/payments.csv",
            "delivery_tickets",
            "erp/delivery-tickets.csv",
            "products",
            "erp/products.csv");
    for (Map.Entry<String, String> table : files.entrySet()) {
      SourceFiles.Table csv = SourceFiles.csv(organisation.directory(), table.getValue());
      assertThat(inserted.get(table.getKey())).as(table.getKey()).isEqualTo(csv.rows().size());
    }
    assertThat(List.of("payments", "delivery_tickets"))
        .allSatisfy(table -> assertThat(inserted).containsKey(table));
  }

  @Test
  void ordersReachBackYearsSoCustomerLifetimesShow() {
    GeneratedOrganisation organisation = GeneratedOrganisation.get();
    SourceFiles.Table orders = SourceFiles.csv(organisation.directory(), "erp/orders.csv");
    String earliest =
        orders.rows().stream()
            .map(row -> row.get("order_date"))
            .min(String::compareTo)
            .orElseThrow();
    assertThat(earliest).isLessThan((GeneratedOrganisation.YEAR - 4) + "-01-01");
    Map<String, Integer> ordersPerCustomer = new HashMap<>();
    orders
        .rows()
        .forEach(row -> ordersPerCustomer.merge(row.get("customer_code"), 1, Integer::sum));
    assertThat(ordersPerCustomer.values().stream().filter(count -> count > 1).count()).isPositive();
    assertThat(organisation.manifest().path("customer_lifetime_model").path("process").asText())
        .isEqualTo("BG/NBD");
  }
}
