package io.salesdw.app.bench;

import static java.util.Objects.requireNonNull;

/** One figure measured in one run, e.g. {@code rows_per_second = 812000}. */
public record Measurement(String figure, String unit, double value) {
  public Measurement {
    requireNonNull(figure, "figure is null");
    requireNonNull(unit, "unit is null");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("figure " + figure + " is not finite: " + value);
    }
  }
}
