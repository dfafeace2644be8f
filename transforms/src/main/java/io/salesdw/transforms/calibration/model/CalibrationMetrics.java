package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How well a set of forecast probabilities matched the outcomes: accuracy scores, the overall bias,
 * a reliability diagram and Cox's calibration intercept and slope. All statistics are weighted by
 * {@link ScoredForecast#weight()}; with unit weights they are the usual unweighted ones. With
 * {@code W = sum w_i}, outcome {@code y_i} in {0, 1} and forecast {@code p_i}:
 *
 * <ul>
 *   <li>Brier score {@code = sum w_i (p_i - y_i)^2 / W}, on the raw probabilities;
 *   <li>log loss {@code = -sum w_i [y_i ln q_i + (1 - y_i) ln(1 - q_i)] / W}, where {@code q_i} is
 *       {@code p_i} clipped to {@code [1e-6, 1 - 1e-6]} so that a confident miss costs about 13.8
 *       instead of infinity;
 *   <li>base rate {@code = sum w_i y_i / W}, mean forecast {@code = sum w_i p_i / W}, and bias
 *       {@code = mean forecast - base rate} (positive: forecasts too optimistic);
 *   <li>ten equal-width reliability bins {@code [0, 0.1), ..., [0.9, 1.0]} and the expected
 *       calibration error {@code = sum over bins (W_bin / W) |mean predicted - observed
 *       frequency|};
 *   <li>the calibration fit, a logistic regression of {@code y} on {@code logit(q_i)} (see {@link
 *       CalibrationFit}).
 * </ul>
 *
 * @param count the number of forecasts
 * @param totalWeight the sum of the forecasts' weights
 * @param brierScore the mean squared error of the probabilities, 0 best, 0.25 for a constant 0.5
 * @param logLoss the mean negative log-likelihood of the clipped probabilities, 0 best
 * @param baseRate the share of forecasts that were won
 * @param meanForecast the mean forecast probability
 * @param bias the mean forecast minus the base rate
 * @param reliabilityBins the ten reliability bins, lowest first, empty ones included
 * @param expectedCalibrationError the weighted mean gap between bin forecast and bin outcome
 * @param calibrationFit Cox's calibration intercept and slope, or why they do not exist
 */
public record CalibrationMetrics(
    int count,
    double totalWeight,
    double brierScore,
    double logLoss,
    double baseRate,
    double meanForecast,
    double bias,
    List<ReliabilityBin> reliabilityBins,
    double expectedCalibrationError,
    CalibrationFit calibrationFit) {
  /** The number of equal-width reliability bins. */
  public static final int RELIABILITY_BIN_COUNT = 10;

  public CalibrationMetrics {
    reliabilityBins = List.copyOf(requireNonNull(reliabilityBins, "reliabilityBins is null"));
    requireNonNull(calibrationFit, "calibrationFit is null");
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive but was " + count);
    }
  }

  /**
   * Computes the metrics of a non-empty list of scored forecasts.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static CalibrationMetrics of(List<ScoredForecast> forecasts) {
    requireNonNull(forecasts, "forecasts is null");
    if (forecasts.isEmpty()) {
      throw new IllegalArgumentException(
          "forecasts is empty: calibration metrics need at least one scored forecast");
    }
    int count = forecasts.size();
    double totalWeight = 0;
    double squaredErrorSum = 0;
    double logLossSum = 0;
    double outcomeSum = 0;
    double forecastSum = 0;
    int[] binCounts = new int[RELIABILITY_BIN_COUNT];
    double[] binWeights = new double[RELIABILITY_BIN_COUNT];
    double[] binForecastSums = new double[RELIABILITY_BIN_COUNT];
    double[] binOutcomeSums = new double[RELIABILITY_BIN_COUNT];
    double[] logOdds = new double[count];
    double[] outcomes = new double[count];
    double[] weights = new double[count];

    for (int i = 0; i < count; i++) {
      ScoredForecast forecast = requireNonNull(forecasts.get(i), "forecasts contains null");
      double p = forecast.probability();
      double y = forecast.outcome();
      double w = forecast.weight();
      double clipped = Probabilities.clip(p);
      totalWeight += w;
      squaredErrorSum += w * (p - y) * (p - y);
      logLossSum -= w * (forecast.won() ? Math.log(clipped) : Math.log(1 - clipped));
      outcomeSum += w * y;
      forecastSum += w * p;
      int bin = binIndex(p);
      binCounts[bin]++;
      binWeights[bin] += w;
      binForecastSums[bin] += w * p;
      binOutcomeSums[bin] += w * y;
      logOdds[i] = Probabilities.logit(p);
      outcomes[i] = y;
      weights[i] = w;
    }

    List<ReliabilityBin> bins = new ArrayList<>(RELIABILITY_BIN_COUNT);
    double expectedCalibrationError = 0;
    for (int bin = 0; bin < RELIABILITY_BIN_COUNT; bin++) {
      ReliabilityBin reliabilityBin =
          binCounts[bin] == 0
              ? new ReliabilityBin(
                  binLowerBound(bin),
                  binLowerBound(bin + 1),
                  0,
                  0,
                  OptionalDouble.empty(),
                  OptionalDouble.empty())
              : new ReliabilityBin(
                  binLowerBound(bin),
                  binLowerBound(bin + 1),
                  binCounts[bin],
                  binWeights[bin],
                  OptionalDouble.of(binForecastSums[bin] / binWeights[bin]),
                  OptionalDouble.of(binOutcomeSums[bin] / binWeights[bin]));
      bins.add(reliabilityBin);
      expectedCalibrationError += binWeights[bin] / totalWeight * reliabilityBin.calibrationGap();
    }

    double baseRate = outcomeSum / totalWeight;
    double meanForecast = forecastSum / totalWeight;
    return new CalibrationMetrics(
        count,
        totalWeight,
        squaredErrorSum / totalWeight,
        logLossSum / totalWeight,
        baseRate,
        meanForecast,
        meanForecast - baseRate,
        bins,
        expectedCalibrationError,
        LogisticRegression.fit(logOdds, outcomes, weights));
  }

  private static int binIndex(double probability) {
    // Probability 1 belongs to the last bin rather than an eleventh one.
    int bin = Math.min((int) (probability * RELIABILITY_BIN_COUNT), RELIABILITY_BIN_COUNT - 1);
    // The product can round across a bound; settle against the bounds the bins report.
    if (bin > 0 && probability < binLowerBound(bin)) {
      bin--;
    } else if (bin < RELIABILITY_BIN_COUNT - 1 && probability >= binLowerBound(bin + 1)) {
      bin++;
    }
    return bin;
  }

  private static double binLowerBound(int bin) {
    // Divide rather than multiply by 0.1 so that the bounds are the nearest doubles to k / 10.
    return (double) bin / RELIABILITY_BIN_COUNT;
  }
}
