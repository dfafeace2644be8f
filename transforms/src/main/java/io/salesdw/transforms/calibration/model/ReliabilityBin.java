package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One bar of a reliability diagram: the forecasts whose probability fell in {@code [lowerBound,
 * upperBound)} (the last bin also holds probability 1), with their mean forecast and the share of
 * them that was won. A calibrated forecaster's bins lie on the diagonal.
 *
 * @param lowerBound the inclusive lower bound of the bin
 * @param upperBound the exclusive upper bound of the bin, inclusive for the last bin
 * @param count how many forecasts fell in the bin
 * @param weight the total weight of those forecasts
 * @param meanPredicted the weighted mean forecast probability, empty when the bin is empty
 * @param observedFrequency the weighted share of won forecasts, empty when the bin is empty
 */
public record ReliabilityBin(
    double lowerBound,
    double upperBound,
    int count,
    double weight,
    OptionalDouble meanPredicted,
    OptionalDouble observedFrequency) {
  public ReliabilityBin {
    requireNonNull(meanPredicted, "meanPredicted is null");
    requireNonNull(observedFrequency, "observedFrequency is null");
    if (!(lowerBound >= 0 && lowerBound < upperBound && upperBound <= 1)) {
      throw new IllegalArgumentException(
          "bin bounds must satisfy 0 <= lowerBound < upperBound <= 1 but were "
              + lowerBound
              + " and "
              + upperBound);
    }
    if (count < 0 || !(weight >= 0)) {
      throw new IllegalArgumentException(
          "count and weight must not be negative but were " + count + " and " + weight);
    }
    boolean empty = count == 0;
    if (meanPredicted.isPresent() == empty || observedFrequency.isPresent() == empty) {
      throw new IllegalArgumentException(
          "meanPredicted and observedFrequency must be present exactly when the bin has forecasts,"
              + " but count is "
              + count
              + ", meanPredicted "
              + meanPredicted
              + ", observedFrequency "
              + observedFrequency);
    }
  }

  /** The absolute gap between the mean forecast and the observed frequency; 0 for an empty bin. */
  public double calibrationGap() {
    if (count == 0) {
      return 0;
    }
    return Math.abs(meanPredicted.getAsDouble() - observedFrequency.getAsDouble());
  }
}
