package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Chooses between Platt and isotonic recalibration by the amount of history.
 *
 * <p>Isotonic regression assumes only monotonicity, so it can fix any shape of miscalibration, but
 * it spends a free parameter on every block: on a few dozen forecasts it fits the noise, with steps
 * and plateaus at 0 or 1 that do not generalise. Platt scaling has two parameters and so is stable
 * on small samples, but cannot fix miscalibration that is not a shift and stretch in log-odds.
 * Niculescu-Mizil and Caruana (2005, "Predicting good probabilities with supervised learning")
 * found the same trade-off: Platt is better when calibration data are scarce, isotonic once there
 * are enough. Below {@value #MINIMUM_FORECASTS_FOR_ISOTONIC} scored forecasts this chooses Platt,
 * otherwise isotonic. The threshold is a judgement call, not a number taken from that paper;
 * revisit it with a backtest on real history.
 */
public final class ProbabilityCalibrators {
  /** The fewest scored forecasts for which the isotonic calibrator is chosen over Platt. */
  public static final int MINIMUM_FORECASTS_FOR_ISOTONIC = 200;

  private ProbabilityCalibrators() {}

  /**
   * Fits a Platt calibrator to fewer than {@value #MINIMUM_FORECASTS_FOR_ISOTONIC} forecasts and an
   * isotonic one to more. The count is of forecasts, not of their weights.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static ProbabilityCalibrator choose(List<ScoredForecast> forecasts) {
    requireNonNull(forecasts, "forecasts is null");
    if (forecasts.size() < MINIMUM_FORECASTS_FOR_ISOTONIC) {
      return PlattCalibrator.fit(forecasts);
    }
    return IsotonicCalibrator.fit(forecasts);
  }
}
