package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One line of a signal lexicon: the signal kind, a short kebab-case label naming the phrase family
 * ({@code budget-approved}, {@code too-expensive}), and a Java regular expression matched against
 * text normalised to NFKC with case folding (so written in lower case and half-width).
 */
public record LexiconEntry(SalesSignal kind, String label, String pattern) implements Serializable {
  private static final long serialVersionUID = 1L;

  public LexiconEntry {
    requireNonNull(kind, "kind is null");
    requireNonNull(label, "label is null");
    requireNonNull(pattern, "pattern is null");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label is blank");
    }
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("pattern is empty");
    }
  }
}
