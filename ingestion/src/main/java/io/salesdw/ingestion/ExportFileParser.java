package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LogicalType;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.FileFormat;
import io.salesdw.ingestion.mapping.FileMapping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses one export file against its contract and mapping: decodes every line strictly, parses CSV
 * with commons-csv or JSON lines with Jackson, converts every value and sorts each record into
 * landed or quarantined. Runs inside a Spark task (one per file) and in unit tests alike; it never
 * throws for bad data, only for bugs.
 */
final class ExportFileParser {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final TableContract contract;
  private final FileMapping mapping;
  private final ValueConverter converter;

  ExportFileParser(TableContract contract, FileMapping mapping) {
    this.contract = requireNonNull(contract, "contract is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.converter = new ValueConverter(mapping);
  }

  /** Parses the bytes of {@code sourceFile} (its path relative to the input, for messages). */
  ParsedFile parse(String sourceFile, byte[] content) {
    byte[] bytes = content;
    if (sourceFile.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        return ParsedFile.failed(
            sourceFile,
            contract.entity(),
            "is not a readable gzip file (" + e.getMessage() + "); re-export or re-compress it");
      }
    }
    if (mapping.encoding().equals(StandardCharsets.UTF_8) && startsWith(bytes, UTF8_BOM)) {
      bytes = java.util.Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length);
    }
    DecodedLines lines = DecodedLines.decode(bytes, mapping.encoding());
    return mapping.format() == FileFormat.CSV
        ? parseCsv(sourceFile, lines)
        : parseJsonLines(sourceFile, lines);
  }

  private ParsedFile parseCsv(String sourceFile, DecodedLines lines) {
    if (lines.size() == 0) {
      return ParsedFile.failed(
          sourceFile, contract.entity(), "is empty: a CSV export needs at least a header line");
    }
    if (lines.line(1).decodeError().isPresent()) {
      return ParsedFile.failed(
          sourceFile,
          contract.entity(),
          "has a header line that " + lines.line(1).decodeError().orElseThrow());
    }
    StringBuilder text = new StringBuilder(lines.text(1, lines.size())).append('\n');
    long[] lineStarts = new long[lines.size() + 1];
    long position = 0;
    for (int number = 1; number <= lines.size(); number++) {
      lineStarts[number] = position;
      position += lines.line(number).text().length() + 1;
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(mapping.delimiter())
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();
    List<ParsedRecord> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text.toString()), format)) {
      Iterator<CSVRecord> iterator = parser.iterator();
      List<String> header = new ArrayList<>();
      iterator.next().forEach(name -> header.add(name.strip()));
      int[] indexes = new int[contract.columns().size()];
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < indexes.length; i++) {
        ContractColumn column = contract.columns().get(i);
        String sourceName = mapping.sourceColumn(column.name());
        indexes[i] =
            mapping.absentColumns().contains(column.name()) ? -1 : header.indexOf(sourceName);
        if (indexes[i] < 0 && !mapping.absentColumns().contains(column.name())) {
          missing.add(
              sourceName.equals(column.name())
                  ? sourceName
                  : sourceName + " (for " + column.name() + ")");
        }
      }
      if (!missing.isEmpty()) {
        return ParsedFile.failed(
            sourceFile,
            contract.entity(),
            "has no column "
                + String.join(", ", missing)
                + " in its header "
                + header
                + "; rename with 'columns' in the mapping, or list nullable contract columns"
                + " under 'absent-columns'");
      }
      long lastEnd = 1;
      while (true) {
        CSVRecord record;
        try {
          if (!iterator.hasNext()) {
            break;
          }
          record = iterator.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          int first = (int) Math.min(lastEnd + 1, lines.size());
          records.add(
              quarantined(
                  sourceFile,
                  lines,
                  first,
                  lines.size(),
                  Optional.empty(),
                  "CSV syntax error ("
                      + e.getMessage()
                      + "); the rest of the file from line "
                      + first
                      + " is quarantined as one record"));
          break;
        }
        int first = lineOf(lineStarts, record.getCharacterPosition());
        int last = (int) Math.max(first, Math.min(lines.size(), parser.getCurrentLineNumber()));
        while (first < last && lines.line(first).text().isEmpty()) {
          first++;
        }
        lastEnd = last;
        records.add(csvRecord(sourceFile, lines, first, last, record, header.size(), indexes));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory string cannot fail", e);
    }
    return new ParsedFile(sourceFile, contract.entity(), records, Optional.empty());
  }

  private ParsedRecord csvRecord(
      String sourceFile,
      DecodedLines lines,
      int first,
      int last,
      CSVRecord record,
      int headerSize,
      int[] indexes) {
    Optional<String> decodeError = lines.decodeError(first, last);
    if (decodeError.isPresent()) {
      return quarantined(sourceFile, lines, first, last, Optional.empty(), decodeError.get());
    }
    if (record.size() != headerSize) {
      return quarantined(
          sourceFile,
          lines,
          first,
          last,
          Optional.empty(),
          "wrong field count: expected "
              + headerSize
              + " fields as in the header, found "
              + record.size());
    }
    List<Optional<String>> raw = new ArrayList<>();
    for (int index : indexes) {
      raw.add(index < 0 ? Optional.empty() : Optional.of(record.get(index)));
    }
    return convert(sourceFile, lines, first, last, raw);
  }

  private ParsedFile parseJsonLines(String sourceFile, DecodedLines lines) {
    List<ParsedRecord> records = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      DecodedLines.Line line = lines.line(number);
      if (line.decodeError().isEmpty() && line.text().isBlank()) {
        continue;
      }
      if (line.decodeError().isPresent()) {
        records.add(
            quarantined(
                sourceFile, lines, number, number, Optional.empty(), line.decodeError().get()));
        continue;
      }
      JsonNode node;
      try {
        node = ValueConverter.JSON.readTree(line.text());
      } catch (JsonProcessingException e) {
        records.add(
            quarantined(
                sourceFile,
                lines,
                number,
                number,
                Optional.empty(),
                "broken JSON: " + e.getOriginalMessage()));
        continue;
      }
      if (!node.isObject()) {
        records.add(
            quarantined(
                sourceFile,
                lines,
                number,
                number,
                Optional.empty(),
                "broken JSON: a line must hold one JSON object, found " + node.getNodeType()));
        continue;
      }
      List<Optional<String>> raw = new ArrayList<>();
      List<String> shapeProblems = new ArrayList<>();
      List<String> shapeFields = new ArrayList<>();
      for (ContractColumn column : contract.columns()) {
        JsonNode value =
            mapping.absentColumns().contains(column.name())
                ? null
                : node.get(mapping.sourceColumn(column.name()));
        if (value == null || value.isNull()) {
          raw.add(Optional.empty());
        } else if (column.type().kind() == LogicalType.Kind.JSON) {
          raw.add(Optional.of(value.toString()));
        } else if (value.isValueNode()) {
          raw.add(
              Optional.of(
                  value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText()));
        } else {
          raw.add(Optional.empty());
          shapeFields.add(column.name());
          shapeProblems.add(
              column.name()
                  + ": expected a single "
                  + column.type()
                  + " value, found a JSON "
                  + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (!shapeProblems.isEmpty()) {
        records.add(
            quarantined(
                sourceFile,
                lines,
                number,
                number,
                Optional.of(String.join(",", shapeFields)),
                String.join("; ", shapeProblems)));
        continue;
      }
      records.add(convert(sourceFile, lines, number, number, raw));
    }
    return new ParsedFile(sourceFile, contract.entity(), records, Optional.empty());
  }

  private ParsedRecord convert(
      String sourceFile, DecodedLines lines, int first, int last, List<Optional<String>> raw) {
    List<Optional<String>> values = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      ContractColumn column = contract.columns().get(i);
      ValueConverter.Conversion conversion = converter.convert(column, raw.get(i));
      if (conversion.problem().isPresent()) {
        fields.add(column.name());
        problems.add(column.name() + ": " + conversion.problem().get());
      }
      values.add(conversion.value());
    }
    if (!problems.isEmpty()) {
      return quarantined(
          sourceFile,
          lines,
          first,
          last,
          Optional.of(String.join(",", fields)),
          String.join("; ", problems));
    }
    return new ParsedRecord(
        contract.entity(),
        sourceFile,
        first,
        values,
        rowHash(values),
        Optional.empty(),
        Optional.empty(),
        lines.text(first, last),
        lines.bytes(first, last));
  }

  private ParsedRecord quarantined(
      String sourceFile,
      DecodedLines lines,
      int first,
      int last,
      Optional<String> field,
      String reason) {
    byte[] raw = lines.bytes(first, last);
    return new ParsedRecord(
        contract.entity(),
        sourceFile,
        first,
        List.of(),
        sha256(raw),
        field,
        Optional.of(reason),
        lines.text(first, last),
        raw);
  }

  /**
   * The SHA-256 of a row's canonical values: unit separators between values and a NUL for a missing
   * one, so that {@code ("a", null)} and {@code ("a", "")} differ.
   */
  static String rowHash(List<Optional<String>> values) {
    StringBuilder text = new StringBuilder();
    for (Optional<String> value : values) {
      text.append(value.map(v -> "\u0002" + v).orElse("\u0000")).append('\u001f');
    }
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static int lineOf(long[] lineStarts, long characterPosition) {
    int low = 1;
    int high = lineStarts.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (lineStarts[middle] <= characterPosition) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
