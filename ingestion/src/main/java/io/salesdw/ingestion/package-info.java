/**
 * Lands source exports in bronze Delta tables: {@link io.salesdw.ingestion.BronzeIngestion} is the
 * entry point; see the module README for the tables, the quarantine and the mapping format.
 */
package io.salesdw.ingestion;
