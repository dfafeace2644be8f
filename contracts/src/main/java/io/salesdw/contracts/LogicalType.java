package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine-neutral type of a contract column, written in the contracts as {@code string}, {@code
 * integer} (64-bit), {@code decimal(p,s)}, {@code date}, {@code timestamp} (an instant), {@code
 * boolean} or {@code json} (JSON text). Ingestion maps it to Spark types, the semantic layer to
 * SQL.
 */
public record LogicalType(Kind kind, int precision, int scale) {
  /** The largest decimal precision every engine of the project supports (Spark, Delta, Trino). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private static final Pattern DECIMAL =
      Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  /** The kinds of logical type. */
  public enum Kind {
    STRING,
    /** A 64-bit signed integer. */
    INTEGER,
    /** An exact decimal with a precision and a scale. */
    DECIMAL,
    DATE,
    /** An instant on the UTC time line; sources without an offset are read in a time zone. */
    TIMESTAMP,
    BOOLEAN,
    /** A JSON value kept as its compact text. */
    JSON
  }

  public LogicalType {
    requireNonNull(kind, "kind is null");
    if (kind == Kind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "invalid decimal precision/scale: " + precision + "," + scale);
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException("only decimal has a precision and scale: " + kind);
    }
  }

  public static LogicalType of(Kind kind) {
    return new LogicalType(kind, 0, 0);
  }

  public static LogicalType decimal(int precision, int scale) {
    return new LogicalType(Kind.DECIMAL, precision, scale);
  }

  /**
   * The type written as text in a contract, or empty when the text names no type (the caller
   * reports it with its file and line).
   */
  public static Optional<LogicalType> parse(String text) {
    requireNonNull(text, "text is null");
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(normalized);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale > precision) {
        return Optional.empty();
      }
      return Optional.of(decimal(precision, scale));
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.DECIMAL && kind.name().toLowerCase(Locale.ROOT).equals(normalized)) {
        return Optional.of(of(kind));
      }
    }
    return Optional.empty();
  }

  /** The type as written in a contract: {@code decimal(14,2)}, {@code timestamp}... */
  @Override
  public String toString() {
    String name = kind.name().toLowerCase(Locale.ROOT);
    return kind == Kind.DECIMAL ? name + "(" + precision + "," + scale + ")" : name;
  }
}
