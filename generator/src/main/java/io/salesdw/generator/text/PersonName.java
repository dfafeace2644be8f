package io.salesdw.generator.text;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** A Chinese person's name with its pinyin parts, for the English and pinyin name forms. */
public record PersonName(
    String surname, String givenName, String surnamePinyin, String givenPinyin) {
  public PersonName {
    requireNonNull(surname, "surname is null");
    requireNonNull(givenName, "givenName is null");
    requireNonNull(surnamePinyin, "surnamePinyin is null");
    requireNonNull(givenPinyin, "givenPinyin is null");
  }

  /** The name as Chinese writes it: surname then given name, no space (王小明). */
  public String chinese() {
    return surname + givenName;
  }

  /** The English order with pinyin (Xiaoming Wang). */
  public String english() {
    return givenPinyin + " " + surnamePinyin;
  }

  /** The pinyin in Chinese order (Wang Xiaoming). */
  public String pinyin() {
    return surnamePinyin + " " + givenPinyin;
  }

  /** Lower-case ASCII login form (wangxiaoming). */
  public String login() {
    return (surnamePinyin + givenPinyin).toLowerCase(Locale.ROOT);
  }
}
