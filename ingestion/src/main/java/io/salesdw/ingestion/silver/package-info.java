/**
 * Silver current-state tables merged from bronze on natural keys: {@link
 * io.salesdw.ingestion.silver.SilverMerge} is the entry point; see the module README for the
 * ordering, delete and schema-evolution rules.
 */
package io.salesdw.ingestion.silver;
