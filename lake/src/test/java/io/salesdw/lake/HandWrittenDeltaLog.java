package io.salesdw.lake;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes Delta logs by hand, action by action, following the Delta protocol: tables whose every
 * number a unit test knows without Spark. The data files are never written; only the log is read
 * when every file has statistics.
 */
final class HandWrittenDeltaLog {
  private HandWrittenDeltaLog() {}

  /** Writes commit {@code version} of the table in {@code directory}, one action per line. */
  static void commit(Path directory, long version, String... actions) {
    Path log = directory.resolve(TableDiscovery.LOG_DIRECTORY);
    try {
      Files.createDirectories(log);
      Files.writeString(
          log.resolve(String.format(Locale.ROOT, "%020d.json", version)),
          String.join("\n", actions) + "\n",
          UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String protocol() {
    return "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
  }

  /** A metaData action for string columns; {@code configuration} becomes table properties. */
  static String metadata(
      List<String> columns, List<String> partitionColumns, Map<String, String> configuration) {
    List<String> fields = new ArrayList<>();
    for (String column : columns) {
      fields.add(
          String.format(
              "{\"name\":\"%s\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}", column));
    }
    return metadataWithFields(fields, partitionColumns, configuration);
  }

  /**
   * A metaData action whose schema has the given fields, each a StructField in Delta's JSON form
   * ({@code {"name":"amount","type":"decimal(12,2)","nullable":true,"metadata":{}}}).
   */
  static String metadataWithFields(
      List<String> fields, List<String> partitionColumns, Map<String, String> configuration) {
    // schemaString is a JSON string inside the action: its quotes are escaped once more.
    String schema =
        ("{\"type\":\"struct\",\"fields\":[" + String.join(",", fields) + "]}")
            .replace("\"", "\\\"");
    return String.format(
        "{\"metaData\":{\"id\":\"%s\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":\"%s\",\"partitionColumns\":[%s],\"configuration\":{%s},"
            + "\"createdTime\":1700000000000}}",
        java.util.UUID.nameUUIDFromBytes(String.join(",", fields).getBytes(UTF_8)),
        schema,
        quotedList(partitionColumns),
        jsonObjectBody(new TreeMap<>(configuration)));
  }

  /**
   * An add action; {@code path} as the log holds it (percent-encoded, relative to the table), and
   * an empty partition value for NULL.
   */
  static String add(
      String path,
      Map<String, Optional<String>> partitionValues,
      long size,
      OptionalLong numRecords) {
    StringBuilder values = new StringBuilder();
    new TreeMap<>(partitionValues)
        .forEach(
            (column, value) -> {
              if (values.length() > 0) {
                values.append(',');
              }
              values
                  .append('"')
                  .append(column)
                  .append("\":")
                  .append(value.map(v -> '"' + v + '"').orElse("null"));
            });
    String stats =
        numRecords.isPresent()
            ? String.format(",\"stats\":\"{\\\"numRecords\\\":%d}\"", numRecords.getAsLong())
            : "";
    return String.format(
        "{\"add\":{\"path\":\"%s\",\"partitionValues\":{%s},\"size\":%d,"
            + "\"modificationTime\":1700000000000,\"dataChange\":true%s}}",
        path, values, size, stats);
  }

  static String remove(String path) {
    return String.format(
        "{\"remove\":{\"path\":\"%s\",\"deletionTimestamp\":1700000000000,\"dataChange\":true}}",
        path);
  }

  private static String quotedList(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(value -> quoted.add('"' + value + '"'));
    return String.join(",", quoted);
  }

  private static String jsonObjectBody(Map<String, String> entries) {
    List<String> pairs = new ArrayList<>();
    entries.forEach((key, value) -> pairs.add('"' + key + "\":\"" + value + '"'));
    return String.join(",", pairs);
  }
}
