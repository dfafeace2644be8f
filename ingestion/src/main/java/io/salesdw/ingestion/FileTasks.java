package io.salesdw.ingestion;

import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.FileMapping;
import io.salesdw.ingestion.mapping.SourceMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The work a Spark task does on one export file: checksum it ({@link Checksum}) or parse it ({@link
 * Parse}). Both catch a file's read errors and return them as data, so that the driver can report
 * every unreadable file of a batch at once before any table changes.
 */
final class FileTasks {
  /** One row per file: relative path, size, SHA-256 and the read error, if any. */
  static final StructType CHECKSUM_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("source_file", DataTypes.StringType, false),
            DataTypes.createStructField("bytes", DataTypes.LongType, false),
            DataTypes.createStructField("sha256", DataTypes.StringType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true)
          });

  /**
   * One row per record (kind {@code record}) or per unreadable file (kind {@code file}, with the
   * reason in {@code reason}); {@code values} holds the canonical texts of the contract columns.
   */
  static final StructType PARSED_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("entity", DataTypes.StringType, false),
            DataTypes.createStructField("source_file", DataTypes.StringType, false),
            DataTypes.createStructField("line_number", DataTypes.LongType, false),
            DataTypes.createStructField("landed", DataTypes.BooleanType, false),
            DataTypes.createStructField(
                "values", DataTypes.createArrayType(DataTypes.StringType, true), false),
            DataTypes.createStructField("row_hash", DataTypes.StringType, false),
            DataTypes.createStructField("field", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("raw_payload", DataTypes.StringType, true),
            DataTypes.createStructField("raw_bytes", DataTypes.BinaryType, true)
          });

  static final String KIND_RECORD = "record";
  static final String KIND_FILE_ERROR = "file";

  private FileTasks() {}

  static byte[] read(InputFile file) throws IOException {
    Path path = Path.of(file.absolutePath());
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    return Files.readAllBytes(path);
  }

  static String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e instanceof java.nio.file.AccessDeniedException
        ? "permission denied"
        : e.getClass().getSimpleName() + ": " + message;
  }

  /** Reads a file and returns its size and SHA-256. */
  static final class Checksum implements Function<InputFile, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(InputFile file) {
      try {
        byte[] bytes = read(file);
        return RowFactory.create(
            file.relativePath(), (long) bytes.length, ExportFileParser.sha256(bytes), null);
      } catch (IOException e) {
        return RowFactory.create(file.relativePath(), 0L, null, "cannot be read: " + describe(e));
      }
    }
  }

  /**
   * Parses a file into {@link #PARSED_SCHEMA} rows. Carries the contracts and the mapping as YAML
   * text (the records hold {@code Optional}s, which Java serialization cannot ship) and parses them
   * once per task object.
   */
  static final class Parse implements FlatMapFunction<InputFile, Row> {
    private static final long serialVersionUID = 1L;

    private final String contractsYaml;
    private final String mappingYaml;
    private final String mappingOrigin;
    private transient SourceContracts contracts;
    private transient SourceMapping mapping;

    Parse(String contractsYaml, String mappingYaml, String mappingOrigin) {
      this.contractsYaml = contractsYaml;
      this.mappingYaml = mappingYaml;
      this.mappingOrigin = mappingOrigin;
    }

    @Override
    public Iterator<Row> call(InputFile file) {
      if (contracts == null) {
        contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
        mapping = SourceMapping.parse(mappingYaml, mappingOrigin, contracts);
      }
      FileMapping fileMapping = mapping.files().get(file.mappingIndex());
      TableContract contract = contracts.get(mapping.source(), fileMapping.entity());
      byte[] content;
      try {
        content = read(file);
      } catch (IOException e) {
        return List.of(fileError(file, "cannot be read: " + describe(e))).iterator();
      }
      ParsedFile parsed =
          new ExportFileParser(contract, fileMapping).parse(file.relativePath(), content);
      if (parsed.error().isPresent()) {
        return List.of(fileError(file, parsed.error().get())).iterator();
      }
      List<Row> rows = new ArrayList<>(parsed.records().size());
      for (ParsedRecord record : parsed.records()) {
        String[] values = new String[record.values().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = record.values().get(i).orElse(null);
        }
        rows.add(
            RowFactory.create(
                KIND_RECORD,
                record.entity(),
                record.sourceFile(),
                record.lineNumber(),
                record.landed(),
                values,
                record.rowHash(),
                record.field().orElse(null),
                record.reason().orElse(null),
                record.rawPayload(),
                record.rawBytes()));
      }
      return rows.iterator();
    }

    private static Row fileError(InputFile file, String reason) {
      return RowFactory.create(
          KIND_FILE_ERROR,
          file.entity(),
          file.relativePath(),
          0L,
          false,
          new String[0],
          "",
          null,
          reason,
          null,
          null);
    }
  }

  /** Whether an optional text is present; for rows read back from Spark. */
  static Optional<String> text(Row row, String field) {
    int index = row.fieldIndex(field);
    return row.isNullAt(index) ? Optional.empty() : Optional.of(row.getString(index));
  }
}
