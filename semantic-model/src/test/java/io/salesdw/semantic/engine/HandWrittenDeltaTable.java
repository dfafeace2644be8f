package io.salesdw.semantic.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A Delta table written without Spark: its Parquet files by DuckDB ({@code COPY … TO}), its log by
 * hand, action by action, following the Delta protocol (as the lake module's tests do), so that a
 * test knows every row and every commit. Public for the semantic layer's tests in other packages
 * ({@code io.salesdw.semantic.TinyGoldLake}).
 */
public final class HandWrittenDeltaTable {
  private final Path directory;

  public HandWrittenDeltaTable(Path lake, String name) {
    this.directory = lake.resolve(name);
  }

  public Path directory() {
    return directory;
  }

  /** Writes a Parquet file at {@code relativePath} holding the rows of a DuckDB query. */
  public void writeParquet(String relativePath, String query) {
    Path file = directory.resolve(relativePath);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(file.getParent());
      statement.execute(
          "COPY (" + query + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  /** Writes commit {@code version}, one action per line. */
  public void commit(long version, String... actions) {
    Path log = directory.resolve("_delta_log");
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

  public static String protocol() {
    return "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
  }

  /** The protocol of a table with deletion vectors: reader 3, writer 7, the feature named. */
  public static String deletionVectorProtocol() {
    return "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
        + "\"readerFeatures\":[\"deletionVectors\"],\"writerFeatures\":[\"deletionVectors\"]}}";
  }

  /**
   * A schema field in Delta's JSON form, such as {@code field("amount", "decimal(12,2)", true)}.
   */
  public static String field(String name, String type, boolean nullable) {
    return String.format(
        "{\"name\":\"%s\",\"type\":\"%s\",\"nullable\":%s,\"metadata\":{}}", name, type, nullable);
  }

  public static String metadata(
      List<String> fields, List<String> partitionColumns, Map<String, String> configuration) {
    // schemaString is a JSON string inside the action: its quotes are escaped once more.
    String schema =
        ("{\"type\":\"struct\",\"fields\":[" + String.join(",", fields) + "]}")
            .replace("\"", "\\\"");
    List<String> partitions = new ArrayList<>();
    partitionColumns.forEach(column -> partitions.add('"' + column + '"'));
    List<String> properties = new ArrayList<>();
    new TreeMap<>(configuration)
        .forEach((key, value) -> properties.add('"' + key + "\":\"" + value + '"'));
    return String.format(
        "{\"metaData\":{\"id\":\"%s\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
            + "\"schemaString\":\"%s\",\"partitionColumns\":[%s],\"configuration\":{%s},"
            + "\"createdTime\":1700000000000}}",
        UUID.nameUUIDFromBytes(schema.getBytes(UTF_8)),
        schema,
        String.join(",", partitions),
        String.join(",", properties));
  }

  /** An add action for a file written by {@link #writeParquet}; an empty value is NULL. */
  public String add(String relativePath, Map<String, Optional<String>> partitionValues, long rows) {
    return add(relativePath, partitionValues, rows, "");
  }

  /** An add action whose file has a deletion vector that deletes {@code deletedRows} rows. */
  public String addWithDeletionVector(
      String relativePath, Map<String, Optional<String>> partitionValues, long rows, long deleted) {
    // The example descriptor of the Delta protocol: Kernel lists it, nothing here reads it.
    return add(
        relativePath,
        partitionValues,
        rows,
        String.format(
            ",\"deletionVector\":{\"storageType\":\"u\",\"pathOrInlineDv\":\"ab^-aqEH.-t@S}K{vb[*k^\","
                + "\"offset\":1,\"sizeInBytes\":34,\"cardinality\":%d}",
            deleted));
  }

  private String add(
      String relativePath, Map<String, Optional<String>> partitionValues, long rows, String extra) {
    List<String> values = new ArrayList<>();
    new TreeMap<>(partitionValues)
        .forEach(
            (column, value) ->
                values.add('"' + column + "\":" + value.map(v -> '"' + v + '"').orElse("null")));
    long size;
    try {
      size = Files.size(directory.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.format(
        "{\"add\":{\"path\":\"%s\",\"partitionValues\":{%s},\"size\":%d,"
            + "\"modificationTime\":1700000000000,\"dataChange\":true,"
            + "\"stats\":\"{\\\"numRecords\\\":%d}\"%s}}",
        logPath(relativePath), String.join(",", values), size, rows, extra);
  }

  public static String remove(String relativePath) {
    return String.format(
        "{\"remove\":{\"path\":\"%s\",\"deletionTimestamp\":1700000000000,\"dataChange\":true}}",
        logPath(relativePath));
  }

  // The log holds paths as relative URIs: "region=North%20America/part-0.parquet".
  private static String logPath(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(relativePath, e);
    }
  }
}
