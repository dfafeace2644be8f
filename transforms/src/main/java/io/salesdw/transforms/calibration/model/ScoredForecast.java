package io.salesdw.transforms.calibration.model;

/**
 * One forecast probability together with how the opportunity turned out, the unit of every
 * calibration statistic in this package.
 *
 * @param probability the forecast probability of winning, in [0, 1]
 * @param won whether the opportunity was later won
 * @param weight how much this forecast counts, finite and positive: 1 to count forecasts, or the
 *     opportunity amount to weight calibration by value
 */
public record ScoredForecast(double probability, boolean won, double weight) {
  public ScoredForecast {
    Probabilities.checkProbability(probability, "probability");
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException("weight must be finite and positive but was " + weight);
    }
  }

  /** A forecast of weight 1. */
  public static ScoredForecast of(double probability, boolean won) {
    return new ScoredForecast(probability, won, 1);
  }

  /** The outcome as a number, 1 if won and 0 if lost. */
  double outcome() {
    return won ? 1 : 0;
  }
}
