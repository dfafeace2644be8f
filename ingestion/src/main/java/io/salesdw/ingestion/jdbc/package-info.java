/**
 * ERP over JDBC: incremental reads of the source database's tables with an {@code updated_at}
 * watermark per table, landed in the same bronze tables as the file exports, then merged into
 * silver and reconciled against the source's row counts. Entry point: {@link
 * io.salesdw.ingestion.jdbc.JdbcIngestion}.
 */
package io.salesdw.ingestion.jdbc;
