package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The type of a column in a Delta table's schema, reduced to what an engine needs to declare it:
 * the kind, and the precision and scale of a decimal. Types this module does not model (arrays,
 * maps, structs, variants, geospatial types) are {@link Kind#OTHER}, with Delta's own description,
 * so that a reader can reject them with a message naming the type when it has to map one.
 *
 * @param kind the kind of value
 * @param precision the decimal's total digits, 1 to 38; 0 for every other kind
 * @param scale the decimal's digits after the point, 0 to {@code precision}; 0 for every other kind
 * @param description the type as Delta's schema spells it, such as {@code decimal(12,2)} or {@code
 *     array<string>}: for messages
 */
public record DeltaColumnType(Kind kind, int precision, int scale, String description) {
  /** Delta's limit on a decimal's digits. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** The kinds of value of a Delta column; each primitive Delta type has its own. */
  public enum Kind {
    STRING,
    /** Delta {@code byte}: 8-bit signed integer. */
    BYTE,
    /** Delta {@code short}: 16-bit signed integer. */
    SHORT,
    /** Delta {@code integer}: 32-bit signed integer. */
    INTEGER,
    /** Delta {@code long}: 64-bit signed integer. */
    LONG,
    FLOAT,
    DOUBLE,
    /** Fixed-point, with a precision and a scale. */
    DECIMAL,
    BOOLEAN,
    /** A calendar date without a time zone. */
    DATE,
    /** Delta {@code timestamp}: an instant, microsecond precision, stored relative to UTC. */
    TIMESTAMP,
    /** Delta {@code timestamp_ntz}: a wall-clock date and time without a time zone. */
    TIMESTAMP_NTZ,
    BINARY,
    /** Any nested or newer type: arrays, maps, structs, variants, geospatial types. */
    OTHER;

    /** The name of a primitive kind as Delta's schema spells it. */
    String deltaName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DeltaColumnType {
    requireNonNull(kind, "kind is null");
    requireNonNull(description, "description is null");
    if (kind == Kind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        throw new IllegalArgumentException("decimal precision is not in 1..38: " + precision);
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException(
            "decimal scale is not in 0.." + precision + ": " + scale);
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException(
          "only a decimal has a precision and a scale, not "
              + kind
              + ": "
              + precision
              + ", "
              + scale);
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("description is blank");
    }
  }

  /** A primitive type other than decimal, described by its Delta name. */
  public static DeltaColumnType of(Kind kind) {
    requireNonNull(kind, "kind is null");
    if (kind == Kind.DECIMAL || kind == Kind.OTHER) {
      throw new IllegalArgumentException(kind + " needs more than its kind");
    }
    return new DeltaColumnType(kind, 0, 0, kind.deltaName());
  }

  /** A {@code decimal(precision, scale)}. */
  public static DeltaColumnType decimal(int precision, int scale) {
    return new DeltaColumnType(
        Kind.DECIMAL,
        precision,
        scale,
        String.format(Locale.ROOT, "decimal(%d,%d)", precision, scale));
  }

  /** A type this module does not model, by its Delta description. */
  public static DeltaColumnType other(String description) {
    return new DeltaColumnType(Kind.OTHER, 0, 0, description);
  }

  @Override
  public String toString() {
    return description;
  }
}
