package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * A description in English and Chinese: the managers who read the numbers work in both.
 *
 * @param en English
 * @param zh Chinese
 */
public record LocalizedText(String en, String zh) {
  public LocalizedText {
    requireNonNull(en, "en is null");
    requireNonNull(zh, "zh is null");
  }
}
