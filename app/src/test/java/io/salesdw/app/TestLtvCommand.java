package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLtvCommand {
  /** The full CDNOW log as shipped with lifetimes (whitespace-separated, not CSV). */
  private static final Path CDNOW_MASTER =
      Path.of("../../shared/datasets/cdnow-lifetimes/CDNOW_master.txt");

  /** Enough of the log (ordered by customer) for about a thousand customers. */
  private static final int MASTER_LINES = 3000;

  @Test
  void fitsAndChecksOnTheHoldoutAsJson(@TempDir Path dir) throws IOException {
    List<String[]> rows = cdnowRows();
    Path csv = writeCsv(dir, rows);
    // Independently of the command: the default split and what happened in the holdout.
    DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
    LocalDate first =
        rows.stream()
            .map(r -> LocalDate.parse(r[1], basic))
            .min(LocalDate::compareTo)
            .orElseThrow();
    LocalDate last =
        rows.stream()
            .map(r -> LocalDate.parse(r[1], basic))
            .max(LocalDate::compareTo)
            .orElseThrow();
    LocalDate calibrationEnd = first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
    Set<String> calibrationCustomers = new HashSet<>();
    Set<String> holdoutCustomerDays = new HashSet<>();
    for (String[] row : rows) {
      if (!LocalDate.parse(row[1], basic).isAfter(calibrationEnd)) {
        calibrationCustomers.add(row[0]);
      }
    }
    for (String[] row : rows) {
      if (LocalDate.parse(row[1], basic).isAfter(calibrationEnd)
          && calibrationCustomers.contains(row[0])) {
        holdoutCustomerDays.add(row[0] + "/" + row[1]);
      }
    }

    CliRun run =
        CliRun.of(
            "ltv",
            "fit",
            "--input",
            csv.toString(),
            "--customer",
            "customer_id",
            "--date",
            "date",
            "--amount",
            "dollar_value",
            "--date-format",
            "yyyyMMdd",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode fit = new ObjectMapper().readTree(run.out());
    assertThat(fit.get("timeUnit").asText()).isEqualTo("weeks");
    assertThat(fit.get("transactions").asInt()).isEqualTo(rows.size());
    assertThat(fit.get("calibrationEnd").asText()).isEqualTo(calibrationEnd.toString());
    assertThat(fit.get("holdoutEnd").asText()).isEqualTo(last.toString());
    assertThat(fit.get("customers").asInt()).isEqualTo(calibrationCustomers.size());
    for (String parameter : List.of("r", "alpha", "a", "b")) {
      assertThat(fit.get("bgNbd").get(parameter).asDouble()).as(parameter).isPositive();
    }
    assertThat(fit.get("bgNbd").get("logLikelihood").asDouble()).isNegative();
    assertThat(fit.get("gammaGamma").get("q").asDouble()).isGreaterThan(1);
    JsonNode holdout = fit.get("holdout");
    assertThat(holdout.get("customers").asInt()).isEqualTo(calibrationCustomers.size());
    assertThat(holdout.get("length").asDouble())
        .isEqualTo(ChronoUnit.DAYS.between(calibrationEnd, last) / 7.0);
    assertThat(holdout.get("actualRepeatPurchases").asLong()).isEqualTo(holdoutCustomerDays.size());
    JsonNode model = holdout.get("model");
    JsonNode baseline = holdout.get("baseline");
    assertThat(model.get("totalError").asDouble())
        .isEqualTo(model.get("forecast").asDouble() - holdoutCustomerDays.size());
    assertThat(Math.abs(model.get("totalError").asDouble()))
        .as("model %s vs baseline %s", model, baseline)
        .isLessThan(Math.abs(baseline.get("totalError").asDouble()));
    // Progress went to standard error.
    assertThat(run.err()).contains("fitting BG/NBD");
  }

  @Test
  void printsTheFitForAPerson(@TempDir Path dir) throws IOException {
    Path csv = writeCsv(dir, cdnowRows());

    CliRun run =
        CliRun.of(
            "ltv",
            "fit",
            "--quiet",
            "--input",
            csv.toString(),
            "--customer",
            "customer_id",
            "--date",
            "date",
            "--amount",
            "dollar_value",
            "--date-format",
            "yyyyMMdd",
            "--time-unit",
            "days",
            "--calibration-end",
            "1997-09-30",
            "--holdout-end",
            "1998-06-30");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("calibration 1997-01-01 to 1997-09-30 (days)")
        .contains("BG/NBD       r = ")
        .contains("Gamma-Gamma  p = ")
        .contains("holdout      to 1998-06-30 (273.00 days)")
        .contains("  model      forecast")
        .contains("  baseline   forecast");
  }

  @Test
  void namesTheRowAndColumnOfABadDate(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(
        csv,
        "customer,ordered,amount\nc1,2024-01-03,10.00\nc1,2024-01-31,5.00\nc2,03/02/2024,7.50\n",
        StandardCharsets.UTF_8);

    CliRun run =
        CliRun.of(
            "ltv",
            "fit",
            "--input",
            csv.toString(),
            "--customer",
            "customer",
            "--date",
            "ordered",
            "--amount",
            "amount");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    // One line of error after the progress line.
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(1))
        .startsWith("salesdw ltv fit: " + csv + " row 3 (line 4), column 'ordered'")
        .contains("'03/02/2024' is not a date in the format yyyy-MM-dd");
  }

  @Test
  void namesAnUnknownColumn(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(
        csv, "customer,ordered,amount\nc1,2024-01-03,10.00\n", StandardCharsets.UTF_8);

    CliRun run =
        CliRun.of(
            "ltv",
            "fit",
            "--quiet",
            "--input",
            csv.toString(),
            "--customer",
            "customer_id",
            "--date",
            "ordered",
            "--amount",
            "amount");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("salesdw ltv fit: " + csv + " has no column 'customer_id'")
        .contains("customer, ordered, amount");
  }

  @Test
  void refusesAnUnknownTimeUnit(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.of(
            "ltv",
            "fit",
            "--input",
            dir.resolve("x.csv").toString(),
            "--customer",
            "c",
            "--date",
            "d",
            "--amount",
            "a",
            "--time-unit",
            "fortnights");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .contains("'fortnights' is not a time unit; use one of days, weeks, months");
  }

  /** customer id, yyyyMMdd, number of CDs, dollars: the first lines of the CDNOW master log. */
  private static List<String[]> cdnowRows() throws IOException {
    assertThat(CDNOW_MASTER)
        .as("CDNOW master log at %s", CDNOW_MASTER.toAbsolutePath().normalize())
        .exists();
    List<String[]> rows = new ArrayList<>();
    try (var lines = Files.lines(CDNOW_MASTER, StandardCharsets.US_ASCII)) {
      lines
          .skip(1)
          .limit(MASTER_LINES)
          .filter(line -> !line.isBlank())
          .forEach(line -> rows.add(line.strip().split("\\s+")));
    }
    return rows;
  }

  private static Path writeCsv(Path dir, List<String[]> rows) throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,date,number_of_cds,dollar_value\n");
    for (String[] row : rows) {
      csv.append(String.join(",", row)).append('\n');
    }
    Path file = dir.resolve("cdnow.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }
}
