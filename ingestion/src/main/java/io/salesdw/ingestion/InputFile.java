package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One export file of a batch, as shipped to the Spark task that reads it: its path relative to the
 * input (the name used in lineage and messages), its absolute path, the entity it holds and the
 * index of its entry in the mapping's {@code files}.
 */
record InputFile(String relativePath, String absolutePath, String entity, int mappingIndex)
    implements Serializable {
  InputFile {
    requireNonNull(relativePath, "relativePath is null");
    requireNonNull(absolutePath, "absolutePath is null");
    requireNonNull(entity, "entity is null");
  }
}
