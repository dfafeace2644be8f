package io.salesdw.transforms;

/** Receives a gold build's progress, table by table. */
public interface TransformProgress {
  /** Ignores progress. */
  TransformProgress NONE = new TransformProgress() {};

  /** Building table {@code index} (1-based) of {@code total} starts. */
  default void tableStarted(String name, int index, int total) {}

  /** A table was built or found up to date. */
  default void tableFinished(GoldTableResult result) {}
}
