package io.salesdw.generator.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.salesdw.generator.GeneratedOrganisation;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.generator.SourceFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * erp.sql loads into a throw-away PostgreSQL 15 with {@code psql -v ON_ERROR_STOP=1 -f}, and every
 * table then holds the CSV's well-formed rows. Skipped where the PostgreSQL 15 binaries are not
 * installed (Debian's postgresql package puts them in /usr/lib/postgresql/15/bin).
 */
class ErpSqlIT {
  private static final Path BIN =
      Path.of(System.getProperty("postgresql.bin", "/usr/lib/postgresql/15/bin"));

  private static Path work;
  private static Path output;
  private static int port;
  private static boolean root;

  @BeforeAll
  static void startPostgres() throws Exception {
    assumeTrue(
        Files.isExecutable(BIN.resolve("initdb")), "PostgreSQL 15 binaries not found in " + BIN);
    root = "root".equals(System.getProperty("user.name"));
    work = Files.createTempDirectory("salesdw-erp-sql");
    output = Files.createTempDirectory("salesdw-erp-sql-output");
    new SalesOrganisationGenerator(new GeneratorConfig(0.03, 11, 2025, output, true))
        .generate(GenerationProgress.silent());
    Files.copy(output.resolve("erp/erp.sql"), work.resolve("erp.sql"));
    if (root) {
      // initdb refuses to run as root: the cluster belongs to the postgres user.
      run(List.of("chown", "-R", "postgres", work.toString()), false);
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run(
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            work.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-N"),
        true);
    run(
        List.of(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            work.resolve("data").toString(),
            "-w",
            "-l",
            work.resolve("server.log").toString(),
            "-o",
            "-c listen_addresses=127.0.0.1 -p " + port + " -k " + work + " -c fsync=off",
            "start"),
        true);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (work == null) {
      return;
    }
    try {
      run(
          List.of(
              BIN.resolve("pg_ctl").toString(),
              "-D",
              work.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          true);
    } finally {
      GeneratedOrganisation.deleteRecursively(work);
      GeneratedOrganisation.deleteRecursively(output);
    }
  }

  @Test
  void loadsWithOnErrorStopAndHoldsTheWellFormedRows() throws Exception {
    String load =
        run(psql("-v", "ON_ERROR_STOP=1", "-q", "-f", work.resolve("erp.sql").toString()), true);
    assertThat(load).doesNotContain("ERROR");
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
      String count = run(psql("-Atc", "SELECT count(*) FROM " + table.getKey()), true).trim();
      assertThat(Long.parseLong(count))
          .as(table.getKey())
          .isEqualTo(SourceFiles.csv(output, table.getValue()).rows().size());
    }
    // Text with quotes and Chinese survives the round trip.
    String names =
        run(psql("-Atc", "SELECT count(*) FROM customers WHERE customer_name LIKE '%有限公司%'"), true)
            .trim();
    assertThat(Long.parseLong(names)).isPositive();
    String total =
        run(psql("-Atc", "SELECT sum(amount) = sum(quantity * unit_price) FROM orders"), true)
            .trim();
    assertThat(total).isEqualTo("t");
  }

  private static List<String> psql(String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql",
                "-h",
                work.toString(),
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-d",
                "postgres"));
    command.addAll(List.of(arguments));
    return command;
  }

  private static String run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres && root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
    assertThat(process.exitValue())
        .as("%s exited with: %s", String.join(" ", command), out)
        .isZero();
    return out;
  }
}
