package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPlattCalibrator {
  private static final double EXACT = 1e-9;

  /**
   * Two wins at 0.75 and two losses at 0.25. Platt's targets are (2 + 1) / (2 + 2) = 3/4 for a win
   * and 1 / (2 + 2) = 1/4 for a loss, so at intercept 0 and slope 1 every fitted probability equals
   * its target, both score equations vanish, and by concavity that is the maximum. The hard-target
   * fit of the same data does not exist: the outcomes are separated.
   */
  @Test
  void smoothedTargetsMakeSeparatedDataFitTheIdentity() {
    List<ScoredForecast> forecasts =
        List.of(
            ScoredForecast.of(0.75, true),
            ScoredForecast.of(0.75, true),
            ScoredForecast.of(0.25, false),
            ScoredForecast.of(0.25, false));

    PlattCalibrator calibrator = PlattCalibrator.fit(forecasts);

    assertThat(calibrator.intercept()).isCloseTo(0, within(EXACT));
    assertThat(calibrator.slope()).isCloseTo(1, within(EXACT));
    assertThat(calibrator.calibrate(0.6)).isCloseTo(0.6, within(EXACT));
    assertThat(CalibrationMetrics.of(forecasts).calibrationFit().status())
        .isEqualTo(CalibrationFit.Status.SEPARATED);
  }

  @Test
  void matchesBruteForceMaximumLikelihoodOnSmoothedTargets() {
    double[] probabilities = {0.05, 0.15, 0.3, 0.3, 0.45, 0.5, 0.6, 0.65, 0.8, 0.9, 0.95};
    boolean[] won = {false, false, true, false, false, true, false, true, true, false, true};
    double[] weights = {1, 2, 1, 1, 0.5, 1, 1, 3, 1, 1, 1};
    // 5 wins and 6 losses: targets (5 + 1) / (5 + 2) = 6/7 and 1 / (6 + 2) = 1/8.
    double wonTarget = 6.0 / 7;
    double lostTarget = 1.0 / 8;
    List<ScoredForecast> forecasts = new ArrayList<>();
    double[] x = new double[probabilities.length];
    double[] t = new double[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      forecasts.add(new ScoredForecast(probabilities[i], won[i], weights[i]));
      x[i] = LogLikelihoodGrid.logit(probabilities[i]);
      t[i] = won[i] ? wonTarget : lostTarget;
    }

    PlattCalibrator calibrator = PlattCalibrator.fit(forecasts);
    double[] best = LogLikelihoodGrid.maximise(x, t, weights);

    assertThat(calibrator.intercept()).isCloseTo(best[0], within(1e-5));
    assertThat(calibrator.slope()).isCloseTo(best[1], within(1e-5));
    double expected = 1 / (1 + Math.exp(-(best[0] + best[1] * LogLikelihoodGrid.logit(0.4))));
    assertThat(calibrator.calibrate(0.4)).isCloseTo(expected, within(1e-5));
  }

  @Test
  void allLostGivesTheSmoothedLossRate() {
    // No wins: every target is 1 / (3 + 2) = 1/5, fitted exactly by slope 0 and intercept
    // logit(1/5), so every forecast calibrates to 0.2.
    PlattCalibrator calibrator =
        PlattCalibrator.fit(
            List.of(
                ScoredForecast.of(0.2, false),
                ScoredForecast.of(0.5, false),
                ScoredForecast.of(0.8, false)));

    assertThat(calibrator.slope()).isCloseTo(0, within(EXACT));
    assertThat(calibrator.calibrate(0.1)).isCloseTo(0.2, within(EXACT));
    assertThat(calibrator.calibrate(0.9)).isCloseTo(0.2, within(EXACT));
  }

  /**
   * Regression: Newton's method used to start at the identity, where the two forecasts of 0
   * (clipped to 1e-6) carry almost no information, the Hessian is nearly singular, and the first
   * step was of size 1e13, beyond what step halving could recover. Three wins: every target is (3 +
   * 1) / (3 + 2) = 4/5, fitted exactly by slope 0.
   */
  @Test
  void certainForecastsDoNotDerailTheFit() {
    PlattCalibrator calibrator =
        PlattCalibrator.fit(
            List.of(
                new ScoredForecast(0.0, true, 50),
                new ScoredForecast(0.0, true, 50),
                new ScoredForecast(0.9, true, 50)));

    assertThat(calibrator.slope()).isCloseTo(0, within(EXACT));
    assertThat(calibrator.calibrate(0.0)).isCloseTo(0.8, within(EXACT));
    assertThat(calibrator.calibrate(0.9)).isCloseTo(0.8, within(EXACT));
  }

  @Test
  void constantForecastGivesTheMeanTarget() {
    // 3 wins and 1 loss, all at 0.6: targets 4/5 and 1/3, mean (3 * 4/5 + 1/3) / 4 = 41/60.
    PlattCalibrator calibrator =
        PlattCalibrator.fit(
            List.of(
                ScoredForecast.of(0.6, true),
                ScoredForecast.of(0.6, true),
                ScoredForecast.of(0.6, true),
                ScoredForecast.of(0.6, false)));

    assertThat(calibrator.slope()).isZero();
    assertThat(calibrator.calibrate(0.6)).isCloseTo(41.0 / 60, within(EXACT));
    assertThat(calibrator.calibrate(0.1)).isCloseTo(41.0 / 60, within(EXACT));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> PlattCalibrator.fit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("forecasts is empty: a Platt calibrator needs at least one scored forecast");
    assertThatThrownBy(() -> new PlattCalibrator(0, 1).calibrate(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in [0, 1] but was -0.1");
    assertThatThrownBy(() -> new PlattCalibrator(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intercept and slope must be finite but were NaN and 1.0");
  }
}
