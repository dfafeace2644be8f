package io.salesdw.transforms.calibration;

import static java.util.Objects.requireNonNull;

/**
 * A forecast with the probability recalibrated from history before its month.
 *
 * @param observation the forecast
 * @param calibratedProbability the recalibrated win probability (the rep's own when no calibrator
 *     could be fitted)
 * @param calibrator how it was recalibrated: {@code platt}, {@code isotonic} or {@code none}
 * @param trainingForecasts how many resolved earlier forecasts the calibrator was fitted on
 */
public record CalibratedForecast(
    ForecastObservation observation,
    double calibratedProbability,
    String calibrator,
    int trainingForecasts) {
  public CalibratedForecast {
    requireNonNull(observation, "observation is null");
    requireNonNull(calibrator, "calibrator is null");
  }

  /** True when a calibrator fitted on earlier periods was applied. */
  public boolean heldOut() {
    return !calibrator.equals(ForecastBacktest.NO_CALIBRATOR);
  }
}
