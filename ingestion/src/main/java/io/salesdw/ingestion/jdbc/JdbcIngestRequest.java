package io.salesdw.ingestion.jdbc;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import java.time.Duration;

/**
 * What to read: the source system (ERP), its database, the database schema holding the tables, the
 * lake root, and the safety lag subtracted from each table's watermark (see {@link JdbcIngestion}).
 */
public record JdbcIngestRequest(
    SourceSystem source, JdbcSource database, String schema, String lake, Duration lag) {
  /** The schema of the generator's erp.sql. */
  public static final String DEFAULT_SCHEMA = "public";

  /**
   * No lag by default: rows are read with {@code updated_at >= mark}, so rows committed later with
   * the mark's own timestamp are still seen; a lag also covers transactions that commit later than
   * rows stamped after them (long transactions stamping {@code now()} at their start).
   */
  public static final Duration DEFAULT_LAG = Duration.ZERO;

  public JdbcIngestRequest {
    requireNonNull(source, "source is null");
    requireNonNull(database, "database is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(lag, "lag is null");
    if (lag.isNegative()) {
      throw new IllegalArgumentException("lag is negative: " + lag);
    }
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("schema is not a plain SQL identifier: " + schema);
    }
  }

  /** The ERP database's {@value #DEFAULT_SCHEMA} schema, without lag. */
  public JdbcIngestRequest(SourceSystem source, JdbcSource database, String lake) {
    this(source, database, DEFAULT_SCHEMA, lake, DEFAULT_LAG);
  }
}
