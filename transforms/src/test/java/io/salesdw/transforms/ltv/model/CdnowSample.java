package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW 1/10 sample of Fader, Hardie and Lee (2,357 customers), as shipped with the lifetimes
 * package, from the shared datasets next to the repository (see its SOURCE.md). Maven runs tests in
 * the module directory, so the repository's parent is two levels up.
 */
final class CdnowSample {
  static final Path DIRECTORY = Path.of("../../shared/datasets/cdnow-lifetimes");

  static final int CUSTOMERS = 2357;

  /** The papers' 39-week calibration period ends here (inclusive); the holdout runs 39 more. */
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  private CdnowSample() {}

  /** Every purchase of the sample, the customer being the sample id (1..2357). */
  static List<CustomerTransaction> transactions() {
    DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
    List<CustomerTransaction> transactions = new ArrayList<>();
    for (String line : lines("CDNOW_sample.txt")) {
      if (line.isBlank()) {
        continue;
      }
      // master id, sample id, yyyyMMdd, number of CDs, dollars; separated by runs of spaces.
      String[] fields = line.strip().split("\\s+");
      transactions.add(
          new CustomerTransaction(
              String.valueOf(Integer.parseInt(fields[1])),
              LocalDate.parse(fields[2], basic),
              Double.parseDouble(fields[4])));
    }
    return transactions;
  }

  /** lifetimes' cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, 2 decimals). */
  static List<CustomerTransactionSummary> summaries() {
    return rows("cdnow_customers_summary.csv").stream()
        .map(f -> summary(f[0], f[1], f[2], f[3], "0"))
        .toList();
  }

  /** lifetimes' cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
  static List<CustomerTransactionSummary> summariesWithSpend() {
    return rows("cdnow_customers_summary_with_transactions.csv").stream()
        .map(f -> summary(f[0], f[1], f[2], f[3], f[4]))
        .toList();
  }

  private static CustomerTransactionSummary summary(
      String id, String frequency, String recency, String age, String spend) {
    return new CustomerTransactionSummary(
        id,
        Integer.parseInt(frequency),
        Double.parseDouble(recency),
        Double.parseDouble(age),
        Double.parseDouble(spend));
  }

  private static List<String[]> rows(String file) {
    List<String> lines = lines(file);
    return lines.subList(1, lines.size()).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.strip().split(","))
        .toList();
  }

  private static List<String> lines(String file) {
    Path path = DIRECTORY.resolve(file);
    assertThat(path)
        .as("the CDNOW sample is expected at %s", path.toAbsolutePath().normalize())
        .exists();
    try {
      return Files.readAllLines(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
