package io.salesdw.transforms.calibration.model;

import java.util.Optional;

/**
 * Weighted maximum-likelihood fit of {@code logit(mu) = a + b * x} with targets in [0, 1], by
 * Newton's method (equivalently IRLS). Two parameters, so the 2x2 Newton system is solved in closed
 * form rather than through a linear-algebra library.
 */
final class LogisticRegression {
  private static final int MAX_ITERATIONS = 100;
  private static final int MAX_STEP_HALVINGS = 60;
  private static final double STEP_TOLERANCE = 1e-10;
  private static final double DECREMENT_TOLERANCE = 1e-13;

  private LogisticRegression() {}

  /**
   * Fits the model, or says why the maximum-likelihood estimate does not exist.
   *
   * @param x the predictor of each observation
   * @param target each observation's target: 0 or 1, or in between for Platt's smoothed targets
   * @param weight each observation's positive weight
   */
  static CalibrationFit fit(double[] x, double[] target, double[] weight) {
    int n = x.length;
    if (target.length != n || weight.length != n || n == 0) {
      throw new IllegalArgumentException(
          "x, target and weight must be non-empty and of equal length but were "
              + n
              + ", "
              + target.length
              + ", "
              + weight.length);
    }
    Optional<CalibrationFit.Status> degenerate = degenerateStatus(x, target);
    if (degenerate.isPresent()) {
      return CalibrationFit.failed(degenerate.get());
    }

    // Start at the best constant model, slope 0 and the log-odds of the mean target, as IRLS
    // does: there every fitted probability is the same moderate value, so the first Hessian is
    // well conditioned even when some forecasts are 0 or 1. (Starting at the identity instead
    // can meet a nearly singular Hessian at clipped forecasts and a step of size 1e13.)
    double totalWeight = 0;
    double weightedTarget = 0;
    for (int i = 0; i < n; i++) {
      totalWeight += weight[i];
      weightedTarget += weight[i] * target[i];
    }
    double meanTarget = weightedTarget / totalWeight;
    double a = Math.log(meanTarget / (1 - meanTarget));
    double b = 0;
    double logLikelihood = logLikelihood(x, target, weight, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double gradientA = 0;
      double gradientB = 0;
      double informationAA = 0;
      double informationAB = 0;
      double informationBB = 0;
      for (int i = 0; i < n; i++) {
        double mu = Probabilities.sigmoid(a + b * x[i]);
        double residual = weight[i] * (target[i] - mu);
        double variance = weight[i] * mu * (1 - mu);
        gradientA += residual;
        gradientB += residual * x[i];
        informationAA += variance;
        informationAB += variance * x[i];
        informationBB += variance * x[i] * x[i];
      }
      double determinant = informationAA * informationBB - informationAB * informationAB;
      if (!(determinant > 0)) {
        return CalibrationFit.failed(CalibrationFit.Status.NOT_CONVERGED);
      }
      double stepA = (informationBB * gradientA - informationAB * gradientB) / determinant;
      double stepB = (informationAA * gradientB - informationAB * gradientA) / determinant;
      // The Newton decrement g' H^-1 g is twice the gain the quadratic model still expects. Once
      // it is below the rounding noise of the log-likelihood itself, line searches can no longer
      // tell better from worse, so stop there even if the step is not yet tiny in absolute terms.
      double decrement = gradientA * stepA + gradientB * stepB;
      if (Math.max(Math.abs(stepA), Math.abs(stepB)) < STEP_TOLERANCE
          || decrement < DECREMENT_TOLERANCE * Math.abs(logLikelihood)) {
        return CalibrationFit.converged(a + stepA, b + stepB);
      }
      // The log-likelihood is concave, but a full Newton step from far away can overshoot into a
      // flat region; halving until the likelihood does not drop keeps every iteration an ascent.
      double scale = 1;
      int halvings = 0;
      double candidate = logLikelihood(x, target, weight, a + stepA, b + stepB);
      while (!(candidate >= logLikelihood)) {
        if (++halvings > MAX_STEP_HALVINGS) {
          return CalibrationFit.failed(CalibrationFit.Status.NOT_CONVERGED);
        }
        scale /= 2;
        candidate = logLikelihood(x, target, weight, a + scale * stepA, b + scale * stepB);
      }
      a += scale * stepA;
      b += scale * stepB;
      logLikelihood = candidate;
    }
    return CalibrationFit.failed(CalibrationFit.Status.NOT_CONVERGED);
  }

  static double logLikelihood(double[] x, double[] target, double[] weight, double a, double b) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double logOdds = a + b * x[i];
      sum +=
          weight[i]
              * (target[i] * Probabilities.logSigmoid(logOdds)
                  + (1 - target[i]) * Probabilities.logSigmoid(-logOdds));
    }
    return sum;
  }

  /**
   * Returns why no finite maximum-likelihood estimate exists, or empty if one does. With one
   * predictor and an intercept, it exists exactly when both outcomes occur, the predictor is not
   * constant, and no threshold on x puts every positive target on one side and every negative
   * target on the other (a target strictly between 0 and 1 counts on both sides).
   */
  private static Optional<CalibrationFit.Status> degenerateStatus(double[] x, double[] target) {
    double minPositive = Double.POSITIVE_INFINITY;
    double maxPositive = Double.NEGATIVE_INFINITY;
    double minNegative = Double.POSITIVE_INFINITY;
    double maxNegative = Double.NEGATIVE_INFINITY;
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      if (target[i] > 0) {
        minPositive = Math.min(minPositive, x[i]);
        maxPositive = Math.max(maxPositive, x[i]);
      }
      if (target[i] < 1) {
        minNegative = Math.min(minNegative, x[i]);
        maxNegative = Math.max(maxNegative, x[i]);
      }
    }
    if (minPositive == Double.POSITIVE_INFINITY || minNegative == Double.POSITIVE_INFINITY) {
      return Optional.of(CalibrationFit.Status.SINGLE_OUTCOME);
    }
    if (minX == maxX) {
      return Optional.of(CalibrationFit.Status.CONSTANT_FORECAST);
    }
    if (maxNegative <= minPositive || maxPositive <= minNegative) {
      return Optional.of(CalibrationFit.Status.SEPARATED);
    }
    return Optional.empty();
  }
}
