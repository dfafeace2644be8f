package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The append-only record of every served query: one JSON line per query in a directory, which
 * executives query as {@code audit.queries}. SKELETON: to be implemented.
 */
public final class QueryAuditLog implements AutoCloseable {
  private final Path directory;

  private QueryAuditLog(Path directory) {
    this.directory = directory;
  }

  /** Opens (creating if needed) the audit log in {@code directory}. */
  public static QueryAuditLog open(Path directory) {
    requireNonNull(directory, "directory is null");
    return new QueryAuditLog(directory);
  }

  /** Appends one entry, durably, before returning. Safe to call from several threads. */
  public void append(QueryAuditEntry entry) {
    requireNonNull(entry, "entry is null");
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() {}
}
