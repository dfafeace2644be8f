package io.salesdw.generator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.generator.GeneratedOrganisation;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.generator.SourceFiles;
import io.salesdw.testing.TestingPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * erp.sql loads into a throwaway PostgreSQL with {@code psql -v ON_ERROR_STOP=1 -f}, and every
 * table then holds the CSV's well-formed rows. PostgreSQL comes from {@code scripts/postgres}
 * (through {@link TestingPostgres}), which installs it when absent: the test fails, never skips,
 * when it cannot be had.
 */
class ErpSqlIT {
  private static Path output;
  private static TestingPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    output = Files.createTempDirectory("salesdw-erp-sql-output");
    new SalesOrganisationGenerator(new GeneratorConfig(0.03, 11, 2025, output, true))
        .generate(GenerationProgress.silent());
    postgres = TestingPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      if (output != null) {
        GeneratedOrganisation.deleteRecursively(output);
      }
    }
  }

  @Test
  void loadsWithOnErrorStopAndHoldsTheWellFormedRows() throws Exception {
    postgres.load(output.resolve("erp/erp.sql"));
    Map<String, String> tables =
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
            "price_policies",
            "erp/price-policies.csv");
    for (Map.Entry<String, String> table : tables.entrySet()) {
      assertThat(postgres.queryLong("SELECT count(*) FROM " + table.getKey()))
          .as(table.getKey())
          .isEqualTo(SourceFiles.csv(output, table.getValue()).rows().size());
    }
    // Text with quotes and Chinese survives the round trip.
    assertThat(
            postgres.queryLong("SELECT count(*) FROM customers WHERE customer_name LIKE '%有限公司%'"))
        .isPositive();
    assertThat(postgres.query("SELECT sum(amount) = sum(quantity * unit_price) FROM orders"))
        .containsExactly(List.of(true));
  }
}
