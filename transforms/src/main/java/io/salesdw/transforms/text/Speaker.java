package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** Who speaks in a recorded call or meeting turn: the sales rep or the customer. */
public enum Speaker {
  REP,
  CUSTOMER;

  /**
   * The speaker of a transcript's {@code speaker} field ({@code rep} or {@code customer}, in any
   * case).
   */
  public static Speaker parse(String value) {
    requireNonNull(value, "value is null");
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "rep" -> REP;
      case "customer" -> CUSTOMER;
      default ->
          throw new IllegalArgumentException(
              "unknown speaker '" + value + "': expected 'rep' or 'customer'");
    };
  }
}
