package io.salesdw.lake;

import java.util.Locale;
import java.util.Optional;

/**
 * A Delta table's column mapping mode ({@code delta.columnMapping.mode}). Under {@link #NAME} and
 * {@link #ID} the Parquet files hold physical column names that differ from the table's, so an
 * engine reading the files directly would see the wrong names.
 */
public enum ColumnMappingMode {
  /** Parquet column names are the table's column names. */
  NONE,
  /** Columns are matched by their physical names, kept in the schema's field metadata. */
  NAME,
  /** Columns are matched by Parquet field ids. */
  ID;

  /** The table property that selects the mode. */
  public static final String TABLE_PROPERTY = "delta.columnMapping.mode";

  /** The mode a table-property value names, or empty if it names none. */
  static Optional<ColumnMappingMode> fromTableProperty(String value) {
    for (ColumnMappingMode mode : values()) {
      if (mode.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
