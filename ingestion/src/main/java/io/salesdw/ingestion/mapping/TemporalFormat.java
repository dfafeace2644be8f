package io.salesdw.ingestion.mapping;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A date or timestamp format of a mapping: {@value #ISO}, {@value #EPOCH_MILLIS}, {@value
 * #EPOCH_SECONDS}, or a {@link DateTimeFormatter} pattern such as {@code MM/dd/yyyy h:mm a}.
 * Patterns are resolved strictly: {@code 2025-02-30} is an error, not March 2nd. A timestamp
 * without an offset is read in the mapping's time zone.
 */
public final class TemporalFormat {
  /** ISO-8601: {@code 2025-03-04}, {@code 2025-03-04T10:15:00}, with or without an offset. */
  public static final String ISO = "iso";

  /** Milliseconds since 1970-01-01T00:00Z (WeCom's {@code msgtime}). */
  public static final String EPOCH_MILLIS = "epoch-millis";

  /** Seconds since 1970-01-01T00:00Z. */
  public static final String EPOCH_SECONDS = "epoch-seconds";

  private final String text;
  private final DateTimeFormatter formatter;

  private TemporalFormat(String text, DateTimeFormatter formatter) {
    this.text = text;
    this.formatter = formatter;
  }

  /**
   * Compiles a format.
   *
   * @throws IllegalArgumentException with the reason when the pattern is invalid
   */
  public static TemporalFormat compile(String text) {
    requireNonNull(text, "text is null");
    if (text.equals(ISO) || text.equals(EPOCH_MILLIS) || text.equals(EPOCH_SECONDS)) {
      return new TemporalFormat(text, null);
    }
    // With the strict resolver "yyyy" (year of era) needs an era; "uuuu" (proleptic year) does
    // not, and means the same for every date an export holds.
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern(yearOfEraToYear(text), Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    return new TemporalFormat(text, formatter);
  }

  /** The format as written in the mapping. */
  public String text() {
    return text;
  }

  /** Parses a date; a pattern without a day (such as {@code yyyy-MM}) gives the month's first. */
  public LocalDate parseDate(String value) {
    String trimmed = value.strip();
    if (text.equals(ISO)) {
      return LocalDate.parse(trimmed);
    }
    if (formatter == null) {
      throw new DateTimeException("a date cannot be read with the format " + text);
    }
    TemporalAccessor parsed = formatter.parse(trimmed);
    if (parsed.isSupported(ChronoField.DAY_OF_MONTH)) {
      return LocalDate.from(parsed);
    }
    return YearMonth.from(parsed).atDay(1);
  }

  /** Parses a timestamp; one without an offset is read in {@code zone}. */
  public Instant parseTimestamp(String value, ZoneId zone) {
    String trimmed = value.strip();
    switch (text) {
      case EPOCH_MILLIS:
        return Instant.ofEpochMilli(new BigDecimal(trimmed).longValueExact());
      case EPOCH_SECONDS:
        return Instant.ofEpochSecond(new BigDecimal(trimmed).longValueExact());
      case ISO:
        return resolve(DateTimeFormatter.ISO_DATE_TIME.parse(trimmed), zone);
      default:
        return resolve(formatter.parse(trimmed), zone);
    }
  }

  private static Instant resolve(TemporalAccessor parsed, ZoneId zone) {
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(parsed).toInstant();
    }
    return LocalDateTime.from(parsed).atZone(zone).toInstant();
  }

  private static String yearOfEraToYear(String pattern) {
    StringBuilder result = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      result.append(!quoted && c == 'y' ? 'u' : c);
    }
    return result.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
