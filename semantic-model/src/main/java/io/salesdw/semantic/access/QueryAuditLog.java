package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The append-only record of every served query: one JSON line per query, in one file per UTC day
 * ({@code queries-2026-11-30.jsonl}, by the day the query started), which executives query as
 * {@code audit.queries}.
 *
 * <p>Each line is an object whose keys are the table's columns: {@code started_at} (ISO-8601 UTC),
 * {@code elapsed_ms}, {@code user_name}, {@code role_name}, {@code endpoint}, {@code client},
 * {@code sql_text}, {@code metrics} and {@code tables} (JSON arrays), {@code rows_returned}, {@code
 * outcome} and {@code error} ({@code null} when it succeeded). The keys avoid SQL's reserved words
 * ({@code user}, {@code role}, {@code sql}) so that the table reads them unquoted.
 *
 * <p>A line is written with one {@code write} on a file opened for appending, then forced to disk
 * before {@link #append} returns: lines from several threads, or from another process appending to
 * the same directory, never interleave, and earlier lines are never rewritten.
 */
public final class QueryAuditLog implements AutoCloseable {
  /** The glob of the log's files in its directory. */
  public static final String FILE_GLOB = "queries-*.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  // The file of the day last appended to, kept open: a server appends to one file all day.
  private LocalDate openDay;
  private FileChannel openFile;
  private boolean closed;

  private QueryAuditLog(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens (creating if needed) the audit log in {@code directory}. Today's file is created empty if
   * missing, so that the log is readable as a table before its first query.
   *
   * @throws SalesdwException if the directory or the file cannot be created
   */
  public static QueryAuditLog open(Path directory) {
    requireNonNull(directory, "directory is null");
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      Path today = absolute.resolve(fileName(LocalDate.now(ZoneOffset.UTC)));
      try {
        Files.createFile(today);
        forceDirectory(absolute);
      } catch (FileAlreadyExistsException e) {
        // Another process, or an earlier run, created it: it is appended to as it is.
      }
    } catch (IOException e) {
      throw cannotWrite(absolute, e);
    }
    return new QueryAuditLog(absolute);
  }

  /**
   * Appends one entry, durably, before returning. Safe to call from several threads.
   *
   * @throws SalesdwException if the line cannot be written to disk
   * @throws IllegalStateException if the log is closed
   */
  public synchronized void append(QueryAuditEntry entry) {
    requireNonNull(entry, "entry is null");
    if (closed) {
      throw new IllegalStateException("the query audit in " + directory + " is closed");
    }
    ByteBuffer line = ByteBuffer.wrap((json(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    LocalDate day = LocalDate.ofInstant(entry.startedAt(), ZoneOffset.UTC);
    Path file = directory.resolve(fileName(day));
    try {
      FileChannel channel = channel(day, file);
      // One write of the whole line: with O_APPEND the kernel places it at the end as one piece.
      // A regular file takes it whole; the loop is for the rule's sake.
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  public Path directory() {
    return directory;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeOpenFile();
  }

  /** The name of a day's file: {@code queries-2026-11-30.jsonl}. */
  static String fileName(LocalDate day) {
    return "queries-" + day + ".jsonl";
  }

  private FileChannel channel(LocalDate day, Path file) throws IOException {
    if (openFile != null && day.equals(openDay)) {
      return openFile;
    }
    closeOpenFile();
    boolean existed = Files.exists(file);
    openFile =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    openDay = day;
    if (!existed) {
      // A new file's name must survive a crash too.
      forceDirectory(directory);
    } else {
      endTornLine(file, openFile);
    }
    return openFile;
  }

  /**
   * Ends the line a crash left half written, so that the next entry starts a line of its own: the
   * torn line stays as it is, and the table skips it.
   */
  private static void endTornLine(Path path, FileChannel file) throws IOException {
    long size = file.size();
    if (size == 0) {
      return;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    try (FileChannel reader = FileChannel.open(path, StandardOpenOption.READ)) {
      reader.read(last, size - 1);
    }
    if (last.get(0) != '\n') {
      file.write(ByteBuffer.wrap(new byte[] {'\n'}));
      file.force(false);
    }
  }

  private void closeOpenFile() {
    if (openFile == null) {
      return;
    }
    try {
      openFile.close();
    } catch (IOException e) {
      // Every line was forced already: closing loses nothing.
    }
    openFile = null;
    openDay = null;
  }

  /** Syncs a directory, so that a file created in it survives a crash (Linux opens one to read). */
  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static String json(QueryAuditEntry entry) {
    ObjectNode line = JSON.createObjectNode();
    line.put("started_at", iso(entry.startedAt()));
    line.put("elapsed_ms", entry.elapsed().toMillis());
    line.put("user_name", entry.user());
    line.put("role_name", entry.role());
    line.put("endpoint", entry.endpoint());
    line.put("client", entry.client());
    line.put("sql_text", entry.sql());
    line.set("metrics", array(entry.metrics()));
    line.set("tables", array(entry.tables()));
    line.put("rows_returned", entry.rowsReturned());
    line.put("outcome", entry.outcome().name());
    if (entry.error().isPresent()) {
      line.put("error", entry.error().get());
    } else {
      line.putNull("error");
    }
    try {
      // Jackson escapes line breaks inside strings: a query's SQL stays on its one line.
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers did not serialise", e);
    }
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** ISO-8601 in UTC, with the instant's full precision: {@code 2026-11-30T05:39:37.123456Z}. */
  private static String iso(Instant instant) {
    return instant.toString();
  }

  private static SalesdwException cannotWrite(Path path, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        String.format(
            "Cannot write the query audit to %s: %s. Every served query is audited and none runs"
                + " unaudited: check that the audit directory is on a writable local disk with"
                + " space left.",
            path, cause.getMessage()),
        cause);
  }
}
