package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One signal found in a text: its kind, the label of the lexicon entry that matched, the matched
 * phrase and its span, both in the normalised (NFKC, case-folded) text.
 */
public record SignalMatch(SalesSignal kind, String label, String phrase, int start, int end)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SignalMatch {
    requireNonNull(kind, "kind is null");
    requireNonNull(label, "label is null");
    requireNonNull(phrase, "phrase is null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
    if (phrase.length() != end - start) {
      throw new IllegalArgumentException(
          "phrase '" + phrase + "' does not fit the span [" + start + ", " + end + ")");
    }
  }
}
