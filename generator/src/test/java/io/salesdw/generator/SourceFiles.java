package io.salesdw.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The tests' own reading of the generated files, independent of the generator's code: CSV with
 * commons-csv and a typed schema written here from FORMAT.md (a row is malformed when its field
 * count is wrong or a typed column does not parse), JSON Lines with Jackson.
 */
public final class SourceFiles {
  public static final DateTimeFormatter CRM_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Column types the schema checks. */
  public enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    CRM_TIMESTAMP,
    ISO_TIMESTAMP
  }

  /** How a row failed, in the order checked. */
  public enum Failure {
    FIELD_COUNT,
    NUMBER,
    DATE
  }

  /** A parsed CSV file: header, good rows as maps, and the failures of the bad rows. */
  public record Table(
      List<String> header, List<Map<String, String>> rows, List<Failure> failures, long records) {
    public long count(Failure failure) {
      return failures.stream().filter(f -> f == failure).count();
    }
  }

  private SourceFiles() {}

  /** Typed columns of each CSV file (those not listed are text). */
  public static Map<String, Type> schema(String file) {
    Map<String, Type> types = new HashMap<>();
    switch (file) {
      case "crm/reps.csv" -> {
        types.put("hire_date", Type.DATE);
        types.put("leave_date", Type.DATE);
        types.put("updated_at", Type.CRM_TIMESTAMP);
      }
      case "crm/channels.csv" -> types.put("first_touch_sla_minutes", Type.INTEGER);
      case "crm/accounts.csv", "crm/contacts.csv" -> {
        types.put("created_at", Type.CRM_TIMESTAMP);
        types.put("updated_at", Type.CRM_TIMESTAMP);
      }
      case "crm/leads.csv" -> {
        for (String column :
            List.of(
                "created_at",
                "assigned_at",
                "claimed_at",
                "first_touch_at",
                "mql_at",
                "sql_at",
                "updated_at")) {
          types.put(column, Type.CRM_TIMESTAMP);
        }
        types.put("recycle_count", Type.INTEGER);
      }
      case "crm/opportunities.csv" -> {
        types.put("amount", Type.DECIMAL);
        types.put("created_at", Type.CRM_TIMESTAMP);
        types.put("expected_close_date", Type.DATE);
        types.put("closed_at", Type.CRM_TIMESTAMP);
        types.put("updated_at", Type.CRM_TIMESTAMP);
      }
      case "crm/opportunity-stage-history.csv" -> types.put("changed_at", Type.CRM_TIMESTAMP);
      case "crm/activities.csv" -> {
        types.put("started_at", Type.CRM_TIMESTAMP);
        types.put("duration_minutes", Type.INTEGER);
        types.put("next_action_date", Type.DATE);
        types.put("checkin_lat", Type.DECIMAL);
        types.put("checkin_lng", Type.DECIMAL);
        types.put("created_at", Type.CRM_TIMESTAMP);
      }
      case "crm/forecast-submissions.csv" -> {
        types.put("submitted_at", Type.CRM_TIMESTAMP);
        types.put("week_start", Type.DATE);
        types.put("rep_probability", Type.DECIMAL);
        types.put("forecast_amount", Type.DECIMAL);
        types.put("manager_probability", Type.DECIMAL);
      }
      case "crm/targets.csv" -> types.put("target_amount", Type.DECIMAL);
      case "erp/products.csv" -> {
        types.put("list_price", Type.DECIMAL);
        types.put("unit_cost", Type.DECIMAL);
      }
      case "erp/price-policies.csv" -> {
        types.put("max_discount_pct", Type.DECIMAL);
        types.put("valid_from", Type.DATE);
        types.put("valid_to", Type.DATE);
      }
      case "erp/customers.csv" -> {
        types.put("created_date", Type.DATE);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/quotes.csv" -> {
        types.put("revision", Type.INTEGER);
        types.put("quantity", Type.INTEGER);
        types.put("unit_price", Type.DECIMAL);
        types.put("discount_pct", Type.DECIMAL);
        types.put("amount", Type.DECIMAL);
        types.put("submitted_at", Type.ISO_TIMESTAMP);
        types.put("approved_at", Type.ISO_TIMESTAMP);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/contracts.csv" -> {
        types.put("signed_date", Type.DATE);
        types.put("amount", Type.DECIMAL);
        types.put("payment_terms_days", Type.INTEGER);
        types.put("sla_response_hours", Type.INTEGER);
        types.put("sla_resolution_hours", Type.INTEGER);
        types.put("start_date", Type.DATE);
        types.put("end_date", Type.DATE);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/orders.csv" -> {
        types.put("order_date", Type.DATE);
        types.put("quantity", Type.INTEGER);
        types.put("unit_price", Type.DECIMAL);
        types.put("amount", Type.DECIMAL);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/invoices.csv" -> {
        types.put("invoice_date", Type.DATE);
        types.put("amount", Type.DECIMAL);
        types.put("tax_amount", Type.DECIMAL);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/payments.csv" -> {
        types.put("due_date", Type.DATE);
        types.put("received_date", Type.DATE);
        types.put("amount", Type.DECIMAL);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      case "erp/delivery-tickets.csv" -> {
        types.put("opened_at", Type.ISO_TIMESTAMP);
        types.put("resolved_at", Type.ISO_TIMESTAMP);
        types.put("updated_at", Type.ISO_TIMESTAMP);
      }
      default -> {}
    }
    return types;
  }

  /** Reads a UTF-8 CSV file of the output. */
  public static Table csv(Path root, String file) {
    return csv(root, file, StandardCharsets.UTF_8);
  }

  /** Reads a CSV file of the output in the given charset, separating malformed rows. */
  public static Table csv(Path root, String file, Charset charset) {
    Map<String, Type> types = schema(file);
    List<Map<String, String>> rows = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    long records = 0;
    try (Reader reader = Files.newBufferedReader(root.resolve(file), charset);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        records++;
        if (record.size() != header.size()) {
          failures.add(Failure.FIELD_COUNT);
          continue;
        }
        Map<String, String> row = new HashMap<>();
        Failure failure = null;
        for (int i = 0; i < header.size(); i++) {
          String value = record.get(i);
          row.put(header.get(i), value);
          Failure cell = check(types.getOrDefault(header.get(i), Type.TEXT), value);
          if (cell != null && (failure == null || cell.ordinal() < failure.ordinal())) {
            failure = cell;
          }
        }
        if (failure == null) {
          rows.add(row);
        } else {
          failures.add(failure);
        }
      }
      return new Table(header, rows, failures, records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Failure check(Type type, String value) {
    if (value.isEmpty() || type == Type.TEXT) {
      return null;
    }
    try {
      switch (type) {
        case INTEGER -> {
          return INTEGER.matcher(value).matches() ? null : Failure.NUMBER;
        }
        case DECIMAL -> {
          return DECIMAL.matcher(value).matches() ? null : Failure.NUMBER;
        }
        case DATE ->
            LocalDate.parse(
                value, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
        case CRM_TIMESTAMP -> LocalDateTime.parse(value, CRM_TIMESTAMP);
        case ISO_TIMESTAMP -> {
          if (!value.endsWith("+08:00")) {
            return Failure.DATE;
          }
          OffsetDateTime.parse(value);
        }
        default -> {}
      }
      return null;
    } catch (java.time.format.DateTimeParseException e) {
      return Failure.DATE;
    }
  }

  /** A JSON Lines file: the parsed lines and the number of lines that are not JSON. */
  public record JsonLines(List<JsonNode> lines, long broken) {}

  public static JsonLines jsonLines(Path file) {
    List<JsonNode> lines = new ArrayList<>();
    long broken = 0;
    try (Stream<String> text = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) text::iterator) {
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException e) {
          broken++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonLines(lines, broken);
  }

  /** The files of a directory matching a glob, sorted by name. */
  public static List<Path> files(Path directory, String glob) {
    List<Path> files = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(directory, glob)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }
}
