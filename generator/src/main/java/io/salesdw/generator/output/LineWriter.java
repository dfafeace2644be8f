package io.salesdw.generator.output;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a UTF-8 text file line by line with LF ends (JSON Lines, SQL), counting the lines. */
public final class LineWriter implements AutoCloseable {
  private final Path path;
  private final Writer writer;
  private long lines;

  public LineWriter(Path path) {
    this.path = requireNonNull(path, "path is null");
    try {
      Files.createDirectories(path.getParent());
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(path, e);
    }
  }

  /** Writes one line and its LF. */
  public void line(CharSequence text) {
    try {
      writer.append(text);
      writer.write('\n');
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(path, e);
    }
    lines++;
  }

  /** Lines written so far. */
  public long lines() {
    return lines;
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
    return lines;
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
