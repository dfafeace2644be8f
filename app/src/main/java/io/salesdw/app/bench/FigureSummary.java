package io.salesdw.app.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The minimum, median and maximum of one figure over the measured runs. */
public record FigureSummary(String figure, String unit, double min, double median, double max) {
  public FigureSummary {
    requireNonNull(figure, "figure is null");
    requireNonNull(unit, "unit is null");
    if (min > median || median > max) {
      throw new IllegalArgumentException(
          "need min <= median <= max for " + figure + ": " + min + ", " + median + ", " + max);
    }
  }

  /**
   * Summarises the values of one figure; the median of an even count is the mean of the two middle
   * values.
   */
  public static FigureSummary of(String figure, String unit, List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values for figure " + figure);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    return new FigureSummary(figure, unit, sorted[0], median, sorted[sorted.length - 1]);
  }
}
