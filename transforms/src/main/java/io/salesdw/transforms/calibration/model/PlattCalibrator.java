package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Platt recalibration: {@code calibrate(p) = sigmoid(intercept + slope * logit(p))}, a logistic
 * regression of the outcome on the forecast's log-odds (the same model as Cox's calibration fit in
 * {@link CalibrationFit}), with {@code p} clipped to {@code [1e-6, 1 - 1e-6]} so that forecasts of
 * 0 and 1 have finite log-odds. Two parameters make it stable on small samples, at the price of
 * assuming that the miscalibration is a shift and a stretch in log-odds.
 *
 * <p>As in Platt (1999), the fit uses smoothed targets instead of 0 and 1: {@code (N+ + 1) / (N+ +
 * 2)} for a won forecast and {@code 1 / (N- + 2)} for a lost one, where {@code N+} and {@code N-}
 * count the won and lost forecasts (records, not weights). This is a uniform prior on the win rate;
 * it keeps the fit finite when the outcomes are separated or all alike, which on the small samples
 * where Platt is chosen happens often. When every forecast has the same probability the slope
 * cannot be fitted, and the calibrator is the constant {@code sigmoid(intercept)} with slope 0,
 * intercept the log-odds of the weighted mean target.
 *
 * @param intercept the fitted intercept in log-odds
 * @param slope the fitted slope on the forecast's log-odds, finite
 */
public record PlattCalibrator(double intercept, double slope) implements ProbabilityCalibrator {
  public PlattCalibrator {
    if (!Double.isFinite(intercept) || !Double.isFinite(slope)) {
      throw new IllegalArgumentException(
          "intercept and slope must be finite but were " + intercept + " and " + slope);
    }
  }

  /**
   * Fits the calibrator by weighted maximum likelihood on Platt's smoothed targets.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static PlattCalibrator fit(List<ScoredForecast> forecasts) {
    requireNonNull(forecasts, "forecasts is null");
    if (forecasts.isEmpty()) {
      throw new IllegalArgumentException(
          "forecasts is empty: a Platt calibrator needs at least one scored forecast");
    }
    int n = forecasts.size();
    int wonCount = 0;
    for (ScoredForecast forecast : forecasts) {
      if (forecast.won()) {
        wonCount++;
      }
    }
    int lostCount = n - wonCount;
    double wonTarget = (wonCount + 1.0) / (wonCount + 2.0);
    double lostTarget = 1.0 / (lostCount + 2.0);

    double[] logOdds = new double[n];
    double[] targets = new double[n];
    double[] weights = new double[n];
    double totalWeight = 0;
    double weightedTarget = 0;
    for (int i = 0; i < n; i++) {
      ScoredForecast forecast = forecasts.get(i);
      logOdds[i] = Probabilities.logit(forecast.probability());
      targets[i] = forecast.won() ? wonTarget : lostTarget;
      weights[i] = forecast.weight();
      totalWeight += weights[i];
      weightedTarget += weights[i] * targets[i];
    }

    CalibrationFit fit = LogisticRegression.fit(logOdds, targets, weights);
    switch (fit.status()) {
      case CONVERGED:
        return new PlattCalibrator(fit.intercept().getAsDouble(), fit.slope().getAsDouble());
      case CONSTANT_FORECAST:
        double meanTarget = weightedTarget / totalWeight;
        return new PlattCalibrator(Math.log(meanTarget / (1 - meanTarget)), 0);
      default:
        // Smoothed targets rule out separation and a single outcome, and the likelihood is then
        // strictly concave with a finite maximum, so anything else is a bug in the fitter.
        throw new IllegalStateException(
            "Platt fit of "
                + n
                + " forecasts ("
                + wonCount
                + " won) ended with status "
                + fit.status()
                + " although smoothed targets guarantee a finite maximum");
    }
  }

  @Override
  public double calibrate(double p) {
    Probabilities.checkProbability(p, "p");
    return Probabilities.sigmoid(intercept + slope * Probabilities.logit(p));
  }
}
