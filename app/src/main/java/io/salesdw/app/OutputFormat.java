package io.salesdw.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code salesdw sql} prints a result. */
enum OutputFormat {
  /** Aligned columns for a person; NULL printed as {@code NULL}. */
  TABLE,
  /** RFC 4180 CSV with a header line; NULL is an empty field. */
  CSV,
  /** One JSON document: columns, rows, timings and the table versions read. */
  JSON;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** table, csv or json, in any case. */
  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : values()) {
        if (format.label().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a format; use one of "
              + Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", ")));
    }
  }
}
