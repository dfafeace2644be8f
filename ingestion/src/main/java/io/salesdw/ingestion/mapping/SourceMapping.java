package io.salesdw.ingestion.mapping;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LogicalType;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.StrictYaml;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.MappingConfig.FileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A declarative mapping of one system's export onto the {@link SourceContracts}: which files hold
 * which entity, their encoding and delimiter, column renames, date and time formats, the source
 * time zone and enumeration maps. Loaded from YAML (see the ingestion README); the mappings for the
 * generator's exports ship as resources ({@link #shippedText}).
 */
public record SourceMapping(
    SourceSystem source,
    Optional<String> description,
    List<FileMapping> files,
    List<String> ignoreFiles) {
  /** Text encoding of the export files. */
  public static final String DEFAULT_ENCODING = "UTF-8";

  /** CSV field delimiter. */
  public static final String DEFAULT_DELIMITER = ",";

  /** Timestamps are ISO-8601 unless a mapping says otherwise. */
  public static final String DEFAULT_TIMESTAMP_FORMAT = TemporalFormat.ISO;

  /** Dates are ISO-8601 ({@code yyyy-MM-dd}) unless a mapping says otherwise. */
  public static final String DEFAULT_DATE_FORMAT = TemporalFormat.ISO;

  /** Source values read as boolean true (compared ignoring ASCII case). */
  public static final List<String> DEFAULT_TRUE_VALUES = List.of("true");

  /** Source values read as boolean false (compared ignoring ASCII case). */
  public static final List<String> DEFAULT_FALSE_VALUES = List.of("false");

  /** Source values read as a missing value: the empty field. */
  public static final List<String> DEFAULT_NULL_VALUES = List.of("");

  private static final String SHIPPED = "io/salesdw/ingestion/mappings/%s.yaml";

  public SourceMapping {
    requireNonNull(source, "source is null");
    requireNonNull(description, "description is null");
    files = List.copyOf(requireNonNull(files, "files is null"));
    ignoreFiles = List.copyOf(requireNonNull(ignoreFiles, "ignoreFiles is null"));
  }

  /** The file mappings whose pattern matches a file (more than one is a mapping error). */
  public List<FileMapping> matching(String relativePath) {
    return files.stream().filter(file -> file.matches(relativePath)).toList();
  }

  /** Whether the mapping says to skip a file (such as {@code erp.sql} next to the CSVs). */
  public boolean isIgnored(String relativePath) {
    return ignoreFiles.stream().anyMatch(pattern -> FileMapping.matches(pattern, relativePath));
  }

  /** The text of the mapping shipped for the generator's export of a source. */
  public static String shippedText(SourceSystem source) {
    String resource = String.format(SHIPPED, source.code());
    try (InputStream in = SourceMapping.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw MappingErrors.missingShippedMapping(resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The resource name of a shipped mapping, as used in messages. */
  public static String shippedOrigin(SourceSystem source) {
    return String.format(SHIPPED, source.code());
  }

  /** The text of a mapping file. */
  public static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw MappingErrors.unreadableMapping(file, e);
    }
  }

  /**
   * Parses and validates a mapping against the contracts, reporting every problem at once.
   *
   * @param origin the file name used in messages
   * @throws io.salesdw.contracts.SalesdwException listing every problem
   */
  public static SourceMapping parse(String yaml, String origin, SourceContracts contracts) {
    MappingConfig config = StrictYaml.read(yaml, origin, MappingConfig.class);
    List<String> issues = new ArrayList<>();
    Optional<SourceSystem> source =
        Arrays.stream(SourceSystem.values())
            .filter(system -> system.code().equals(config.source()))
            .findFirst();
    if (source.isEmpty()) {
      issues.add("'source' must be crm, erp or chat, found: " + config.source());
    }
    List<FileConfig> fileConfigs = config.files() == null ? List.of() : config.files();
    if (fileConfigs.isEmpty()) {
      issues.add("'files' is missing or empty: list at least one kind of file");
    }
    List<FileMapping> files = new ArrayList<>();
    for (int i = 0; i < fileConfigs.size(); i++) {
      FileConfig file = fileConfigs.get(i);
      if (file == null) {
        issues.add("files[" + i + "] is empty");
        continue;
      }
      String where =
          "files[" + i + "]" + (file.entity() == null ? "" : " (entity " + file.entity() + ")");
      if (source.isEmpty()) {
        continue;
      }
      Optional<TableContract> contract =
          file.entity() == null ? Optional.empty() : contracts.find(source.get(), file.entity());
      if (contract.isEmpty()) {
        issues.add(
            where
                + ": 'entity' must name a "
                + source.get().code()
                + " contract: "
                + contracts.forSource(source.get()).stream().map(TableContract::entity).toList());
        continue;
      }
      resolve(config, file, contract.get(), where, issues).ifPresent(files::add);
    }
    List<String> ignore = config.ignoreFiles() == null ? List.of() : config.ignoreFiles();
    if (!issues.isEmpty()) {
      throw MappingErrors.invalidMapping(origin, issues);
    }
    return new SourceMapping(
        source.get(), Optional.ofNullable(config.description()), files, ignore);
  }

  private static Optional<FileMapping> resolve(
      MappingConfig defaults,
      FileConfig file,
      TableContract contract,
      String where,
      List<String> issues) {
    int before = issues.size();
    if (file.pattern() == null || file.pattern().isBlank()) {
      issues.add(where + ": 'pattern' is missing: give a glob such as leads.csv or leads-*.csv");
    }
    String pattern = file.pattern() == null ? "" : file.pattern();
    Optional<FileFormat> format =
        file.format() != null ? FileFormat.parse(file.format()) : FileFormat.fromFileName(pattern);
    if (format.isEmpty()) {
      issues.add(
          where
              + ": 'format' must be csv or jsonl"
              + (file.format() == null
                  ? " (the pattern's extension does not say which)"
                  : ", found: " + file.format()));
    }
    Charset encoding =
        charset(first(file.encoding(), defaults.encoding(), DEFAULT_ENCODING), where, issues);
    String delimiter = first(file.delimiter(), defaults.delimiter(), DEFAULT_DELIMITER);
    if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n")) {
      issues.add(where + ": 'delimiter' must be one character other than a quote or newline");
    }
    String zoneText = first(file.timeZone(), defaults.timeZone(), null);
    ZoneId zone = ZoneId.of("UTC");
    if (zoneText == null) {
      issues.add(
          where
              + ": 'time-zone' is missing: say in which zone the export's local times are"
              + " (such as Asia/Shanghai or America/Los_Angeles)");
    } else {
      try {
        zone = ZoneId.of(zoneText);
      } catch (RuntimeException e) {
        issues.add(where + ": 'time-zone' " + zoneText + " is not a time zone: " + e.getMessage());
      }
    }
    TemporalFormat timestampFormat =
        temporal(
            first(file.timestampFormat(), defaults.timestampFormat(), DEFAULT_TIMESTAMP_FORMAT),
            where + ": 'timestamp-format'",
            issues);
    TemporalFormat dateFormat =
        temporal(
            first(file.dateFormat(), defaults.dateFormat(), DEFAULT_DATE_FORMAT),
            where + ": 'date-format'",
            issues);
    Map<String, String> columns = file.columns() == null ? Map.of() : file.columns();
    for (Map.Entry<String, String> rename : columns.entrySet()) {
      checkColumn(contract, rename.getKey(), where + ": 'columns'", issues);
      if (rename.getValue() == null || rename.getValue().isEmpty()) {
        issues.add(where + ": 'columns' gives no source column for " + rename.getKey());
      }
    }
    Map<String, TemporalFormat> columnFormats = new HashMap<>();
    Map<String, String> formats = file.formats() == null ? Map.of() : file.formats();
    for (Map.Entry<String, String> entry : formats.entrySet()) {
      Optional<ContractColumn> column =
          checkColumn(contract, entry.getKey(), where + ": 'formats'", issues);
      if (column.isPresent()) {
        LogicalType.Kind kind = column.get().type().kind();
        if (kind != LogicalType.Kind.DATE && kind != LogicalType.Kind.TIMESTAMP) {
          issues.add(
              where
                  + ": 'formats' applies to date and timestamp columns; "
                  + entry.getKey()
                  + " is "
                  + column.get().type());
        }
      }
      if (entry.getValue() == null) {
        issues.add(where + ": 'formats' gives no format for " + entry.getKey());
        continue;
      }
      columnFormats.put(
          entry.getKey(),
          temporal(entry.getValue(), where + ": 'formats' of " + entry.getKey(), issues));
    }
    Map<String, Map<String, String>> values = file.values() == null ? Map.of() : file.values();
    for (Map.Entry<String, Map<String, String>> entry : values.entrySet()) {
      Optional<ContractColumn> column =
          checkColumn(contract, entry.getKey(), where + ": 'values'", issues);
      if (column.isEmpty() || entry.getValue() == null) {
        continue;
      }
      if (column.get().isEnumeration()) {
        Set<String> unknown = new HashSet<>(entry.getValue().values());
        unknown.removeAll(column.get().allowedValues());
        unknown.remove(null);
        if (!unknown.isEmpty()) {
          issues.add(
              where
                  + ": 'values' of "
                  + entry.getKey()
                  + " maps to "
                  + unknown.stream().sorted().toList()
                  + ", which are not codes of the contract: "
                  + column.get().allowedValues());
        }
      }
    }
    List<String> absent = file.absentColumns() == null ? List.of() : file.absentColumns();
    for (String name : absent) {
      checkColumn(contract, name, where + ": 'absent-columns'", issues)
          .filter(column -> !column.nullable())
          .ifPresent(
              column ->
                  issues.add(
                      where
                          + ": 'absent-columns' lists "
                          + name
                          + ", which the contract requires (nullable: false); map it from a"
                          + " source column instead"));
      if (columns.containsKey(name)) {
        issues.add(where + ": " + name + " is both renamed in 'columns' and in 'absent-columns'");
      }
    }
    if (issues.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new FileMapping(
            contract.entity(),
            pattern,
            format.orElseThrow(),
            encoding,
            delimiter.charAt(0),
            zone,
            timestampFormat,
            dateFormat,
            columnFormats,
            columns,
            copyValues(values),
            new HashSet<>(absent),
            list(file.trueValues(), defaults.trueValues(), DEFAULT_TRUE_VALUES),
            list(file.falseValues(), defaults.falseValues(), DEFAULT_FALSE_VALUES),
            list(file.nullValues(), defaults.nullValues(), DEFAULT_NULL_VALUES)));
  }

  private static Map<String, Map<String, String>> copyValues(
      Map<String, Map<String, String>> values) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    values.forEach((column, map) -> copy.put(column, Map.copyOf(map)));
    return copy;
  }

  private static Optional<ContractColumn> checkColumn(
      TableContract contract, String name, String where, List<String> issues) {
    Optional<ContractColumn> column = contract.column(name);
    if (column.isEmpty()) {
      issues.add(
          where
              + " names "
              + name
              + ", which is not a column of the "
              + contract.tableName()
              + " contract: "
              + contract.columnNames());
    }
    return column;
  }

  private static Charset charset(String name, String where, List<String> issues) {
    Charset charset;
    try {
      charset = Charset.forName(name);
    } catch (RuntimeException e) {
      issues.add(where + ": 'encoding' " + name + " is not a character set this JVM knows");
      return StandardCharsets.UTF_8;
    }
    // Lines are split on the byte 0x0A before decoding, which is right for every ASCII-compatible
    // encoding (UTF-8, GBK, GB18030, Latin-1) and wrong for UTF-16.
    if (!Arrays.equals("\n,\"".getBytes(charset), new byte[] {'\n', ',', '"'})) {
      issues.add(
          where
              + ": 'encoding' "
              + name
              + " is not ASCII-compatible; convert the export to UTF-8 or GBK");
    }
    return charset;
  }

  private static TemporalFormat temporal(String text, String where, List<String> issues) {
    try {
      return TemporalFormat.compile(text);
    } catch (IllegalArgumentException e) {
      issues.add(where + " '" + text + "' is not a valid pattern: " + e.getMessage());
      return TemporalFormat.compile(TemporalFormat.ISO);
    }
  }

  private static String first(String fileValue, String sourceValue, String fallback) {
    return fileValue != null ? fileValue : sourceValue != null ? sourceValue : fallback;
  }

  private static List<String> list(
      List<String> fileValue, List<String> sourceValue, List<String> fallback) {
    return fileValue != null ? fileValue : sourceValue != null ? sourceValue : fallback;
  }
}
