package io.salesdw.generator.output;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A count of one kind of deliberate defect in one file (and column, for missing values), with the
 * number of records it is a rate of.
 */
public record InjectedDefect(
    String file, DefectKind kind, Optional<String> column, long count, long outOf) {
  public InjectedDefect {
    requireNonNull(file, "file is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(column, "column is null");
    if (count < 0 || outOf < 0) {
      throw new IllegalArgumentException("count and outOf must be non-negative");
    }
  }

  /** count / outOf, or 0 for an empty file. */
  public double rate() {
    return outOf == 0 ? 0 : (double) count / outOf;
  }
}
