package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a transaction log from a UTF-8 CSV file with a header line: one row per purchase, the
 * customer, date and amount in named columns, any other columns ignored. Every bad value is
 * reported with its file, row, line and column.
 */
public final class TransactionCsv {
  /** The columns that hold the customer id, the purchase date and the amount. */
  public record Columns(String customer, String date, String amount) {
    public Columns {
      requireNonNull(customer, "customer is null");
      requireNonNull(date, "date is null");
      requireNonNull(amount, "amount is null");
    }
  }

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .get();

  private TransactionCsv() {}

  /**
   * The file's transactions in file order.
   *
   * @param datePattern a {@link DateTimeFormatter} pattern such as yyyy-MM-dd; parsed strictly, so
   *     that 2024-02-30 is an error rather than silently the 29th
   */
  public static List<CustomerTransaction> read(Path file, Columns columns, String datePattern) {
    requireNonNull(file, "file is null");
    requireNonNull(columns, "columns is null");
    DateTimeFormatter dates = strictFormatter(datePattern);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(reader)) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> names = parser.getHeaderNames();
      int customer = column(file, header, names, "customer", columns.customer());
      int date = column(file, header, names, "date", columns.date());
      int amount = column(file, header, names, "amount", columns.amount());
      List<CustomerTransaction> transactions = new ArrayList<>();
      long row = 0;
      for (CSVRecord record : parser) {
        row++;
        // The parser has consumed the record's line breaks: this is the line the row ends on.
        long line = parser.getCurrentLineNumber();
        String id = value(file, record, row, line, customer, columns.customer());
        String dateText = value(file, record, row, line, date, columns.date());
        String amountText = value(file, record, row, line, amount, columns.amount());
        LocalDate parsedDate;
        try {
          parsedDate = LocalDate.parse(dateText, dates);
        } catch (DateTimeParseException e) {
          throw LtvErrors.unparsableDate(file, row, line, columns.date(), dateText, datePattern);
        }
        double parsedAmount;
        try {
          parsedAmount = Double.parseDouble(amountText);
        } catch (NumberFormatException e) {
          throw LtvErrors.unparsableAmount(file, row, line, columns.amount(), amountText);
        }
        if (!Double.isFinite(parsedAmount)) {
          throw LtvErrors.unparsableAmount(file, row, line, columns.amount(), amountText);
        }
        transactions.add(new CustomerTransaction(id, parsedDate, parsedAmount));
      }
      if (transactions.isEmpty()) {
        throw LtvErrors.emptyFile(file);
      }
      return List.copyOf(transactions);
    } catch (UncheckedIOException e) {
      // commons-csv reports malformed input (an unclosed quote) this way while iterating.
      throw LtvErrors.invalidCsv(file, e);
    } catch (IOException e) {
      throw LtvErrors.unreadable(file, e);
    }
  }

  /**
   * A strict formatter for the pattern. Under strict resolution "yyyy" is the year of an era and
   * needs an era field, so the year letters become the proleptic year "u", which means the same for
   * any date after year 0.
   */
  static DateTimeFormatter strictFormatter(String pattern) {
    requireNonNull(pattern, "pattern is null");
    try {
      String proleptic = pattern.contains("G") ? pattern : pattern.replace('y', 'u');
      return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw LtvErrors.invalidDatePattern(pattern, e);
    }
  }

  private static int column(
      Path file, Map<String, Integer> header, List<String> names, String role, String name) {
    Integer index = header.get(name);
    if (index == null) {
      throw LtvErrors.unknownColumn(file, role, name, names);
    }
    return index;
  }

  private static String value(
      Path file, CSVRecord record, long row, long line, int index, String column) {
    String value = index < record.size() ? record.get(index) : "";
    if (value.isEmpty()) {
      throw LtvErrors.missingValue(file, row, line, column);
    }
    return value;
  }
}
