package io.salesdw.generator.output;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one CSV file as RFC 4180 with a header line, quoting a field only when it holds a comma,
 * quote, CR or LF. Characters the charset cannot encode fail the write instead of turning into
 * question marks. Counts the records it writes (not the header).
 */
public final class CsvWriter implements AutoCloseable {
  private final Path path;
  private final Writer writer;
  private final String lineEnd;
  private final int columns;
  private final StringBuilder line = new StringBuilder(1024);
  private long rows;

  public CsvWriter(Path path, Charset charset, String lineEnd, List<String> header) {
    this.path = requireNonNull(path, "path is null");
    this.lineEnd = requireNonNull(lineEnd, "lineEnd is null");
    this.columns = header.size();
    try {
      Files.createDirectories(path.getParent());
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(path),
                  charset
                      .newEncoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              1 << 16);
      writer.write(encode(header.toArray(new String[0])));
      writer.write(lineEnd);
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(path, e);
    }
  }

  /** Writes one record; null fields are written empty. */
  public void row(String... fields) {
    if (fields.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " fields for " + path.getFileName() + ", got " + fields.length);
    }
    writeRecord(encode(fields));
  }

  /** Writes a record already in CSV form (used for deliberately malformed rows). */
  public void writeRecord(String record) {
    try {
      writer.write(record);
      writer.write(lineEnd);
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(path, e);
    }
    rows++;
  }

  /** The CSV form of one record, without the line end. */
  public String encode(String[] fields) {
    line.setLength(0);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      appendField(line, fields[i]);
    }
    return line.toString();
  }

  /** Appends one field, quoted if needed. */
  public static void appendField(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** Records written so far, without the header. */
  public long rows() {
    return rows;
  }

  /** The file being written. */
  public Path path() {
    return path;
  }

  /**
   * Flushes and closes the file before the try block ends, so its size can be recorded; returns the
   * records written. Closing again is harmless.
   */
  public long finish() {
    close();
    return rows;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(path, e);
    }
  }
}
