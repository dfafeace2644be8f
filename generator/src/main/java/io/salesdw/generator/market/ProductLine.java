package io.salesdw.generator.market;

import static java.util.Objects.requireNonNull;

/** A product line with its gross-margin class (A high, C low) and VAT rate. */
public record ProductLine(String code, String name, String marginClass, int vatPercent) {
  public ProductLine {
    requireNonNull(code, "code is null");
    requireNonNull(name, "name is null");
    requireNonNull(marginClass, "marginClass is null");
  }
}
