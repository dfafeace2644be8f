package io.salesdw.transforms.calibration.model;

/**
 * One block of pooled forecasts in an isotonic fit: every forecast with probability in {@code
 * [lowerProbability, upperProbability]} gets the same fitted win rate.
 *
 * @param lowerProbability the smallest forecast probability in the block
 * @param upperProbability the largest forecast probability in the block
 * @param meanProbability the weighted mean forecast probability of the block, where the calibrator
 *     anchors its interpolation
 * @param calibratedProbability the weighted share of won forecasts in the block
 * @param weight the total weight of the block's forecasts
 */
public record IsotonicBlock(
    double lowerProbability,
    double upperProbability,
    double meanProbability,
    double calibratedProbability,
    double weight) {
  public IsotonicBlock {
    Probabilities.checkProbability(lowerProbability, "lowerProbability");
    Probabilities.checkProbability(upperProbability, "upperProbability");
    Probabilities.checkProbability(calibratedProbability, "calibratedProbability");
    if (!(lowerProbability <= meanProbability && meanProbability <= upperProbability)) {
      throw new IllegalArgumentException(
          "block probabilities must satisfy lower <= mean <= upper but were "
              + lowerProbability
              + ", "
              + meanProbability
              + ", "
              + upperProbability);
    }
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException("weight must be finite and positive but was " + weight);
    }
  }
}
