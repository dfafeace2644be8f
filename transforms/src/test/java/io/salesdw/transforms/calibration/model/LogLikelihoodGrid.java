package io.salesdw.transforms.calibration.model;

/**
 * A brute-force maximiser of the logistic log-likelihood {@code sum w [t ln s + (1 - t) ln(1 -
 * s)]}, {@code s = 1 / (1 + exp(-(a + b x)))}, written independently of the Newton fitter under
 * test: it scans a grid of (a, b), then zooms in around the best point. The likelihood is concave,
 * so zooming cannot lose the maximum.
 */
final class LogLikelihoodGrid {
  private static final int HALF_STEPS = 40;
  private static final int ROUNDS = 8;

  private LogLikelihoodGrid() {}

  /** Returns {a, b} maximising the likelihood, to within about 1e-7. */
  static double[] maximise(double[] x, double[] target, double[] weight) {
    double centreA = 0;
    double centreB = 1;
    double span = 5;
    for (int round = 0; round < ROUNDS; round++) {
      double bestA = centreA;
      double bestB = centreB;
      double best = Double.NEGATIVE_INFINITY;
      double step = span / HALF_STEPS;
      for (int i = -HALF_STEPS; i <= HALF_STEPS; i++) {
        for (int j = -HALF_STEPS; j <= HALF_STEPS; j++) {
          double a = centreA + i * step;
          double b = centreB + j * step;
          double value = logLikelihood(x, target, weight, a, b);
          if (value > best) {
            best = value;
            bestA = a;
            bestB = b;
          }
        }
      }
      centreA = bestA;
      centreB = bestB;
      // The next grid spans +-span/8, five steps of this grid, so it still holds the maximum.
      span /= 8;
    }
    return new double[] {centreA, centreB};
  }

  static double logLikelihood(double[] x, double[] target, double[] weight, double a, double b) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double s = 1 / (1 + Math.exp(-(a + b * x[i])));
      sum += weight[i] * (target[i] * Math.log(s) + (1 - target[i]) * Math.log(1 - s));
    }
    return sum;
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
