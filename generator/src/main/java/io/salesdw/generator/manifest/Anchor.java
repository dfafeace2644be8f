package io.salesdw.generator.manifest;

import static java.util.Objects.requireNonNull;

/** A published (or chosen) figure the generated data reproduces, with how to measure it. */
public record Anchor(
    String name, double target, double tolerance, String source, String definition) {
  public Anchor {
    requireNonNull(name, "name is null");
    requireNonNull(source, "source is null");
    requireNonNull(definition, "definition is null");
    if (tolerance <= 0) {
      throw new IllegalArgumentException("tolerance must be positive for " + name);
    }
  }
}
