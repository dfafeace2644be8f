/** Declarative YAML mappings of a system's export files onto the source contracts. */
package io.salesdw.ingestion.mapping;
