package io.salesdw.generator.text;

import static java.util.Objects.requireNonNull;

/**
 * One word of a company name with its short Chinese form, pinyin and English (hand-written for the
 * fixed vocabulary).
 */
public record NamePart(String chinese, String shortChinese, String pinyin, String english) {
  public NamePart {
    requireNonNull(chinese, "chinese is null");
    requireNonNull(shortChinese, "shortChinese is null");
    requireNonNull(pinyin, "pinyin is null");
    requireNonNull(english, "english is null");
  }

  /** A part whose short form is itself and whose English is its pinyin (brand cores). */
  static NamePart brand(String chinese, String pinyin) {
    return new NamePart(chinese, chinese, pinyin, pinyin);
  }

  /** The empty part (hospitals named only by type). */
  static NamePart empty() {
    return new NamePart("", "", "", "");
  }
}
