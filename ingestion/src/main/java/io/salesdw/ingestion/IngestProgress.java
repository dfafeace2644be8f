package io.salesdw.ingestion;

/** Receives one line of progress per step, file and table (the CLI prints them on stderr). */
@FunctionalInterface
public interface IngestProgress {
  /** Progress that goes nowhere. */
  IngestProgress NONE = message -> {};

  void report(String message);
}
