package io.salesdw.transforms.calibration.model;

/** Probability helpers shared by the metrics and the calibrators. */
final class Probabilities {
  /**
   * Probabilities are clipped to [CLIP, 1 - CLIP] before a logarithm or a logit, because reps do
   * enter 0 and 1 and either would make the log loss infinite and the logit undefined.
   */
  static final double CLIP = 1e-6;

  private Probabilities() {}

  static double clip(double probability) {
    return Math.min(Math.max(probability, CLIP), 1 - CLIP);
  }

  /** The log-odds of the clipped probability. */
  static double logit(double probability) {
    double clipped = clip(probability);
    return Math.log(clipped / (1 - clipped));
  }

  static double sigmoid(double logOdds) {
    // Two branches so that exp never overflows for large |logOdds|.
    if (logOdds >= 0) {
      return 1 / (1 + Math.exp(-logOdds));
    }
    double e = Math.exp(logOdds);
    return e / (1 + e);
  }

  /** log(sigmoid(logOdds)), accurate where sigmoid itself rounds to 0 or 1. */
  static double logSigmoid(double logOdds) {
    if (logOdds >= 0) {
      return -Math.log1p(Math.exp(-logOdds));
    }
    return logOdds - Math.log1p(Math.exp(logOdds));
  }

  static void checkProbability(double probability, String name) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but was " + probability);
    }
  }
}
