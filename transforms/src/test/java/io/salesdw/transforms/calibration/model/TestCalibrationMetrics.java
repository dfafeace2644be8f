package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestCalibrationMetrics {
  private static final double EXACT = 1e-12;

  @Test
  void brierScoreLogLossAndBiasOfFourForecasts() {
    CalibrationMetrics metrics =
        CalibrationMetrics.of(
            List.of(
                ScoredForecast.of(0.9, true),
                ScoredForecast.of(0.2, false),
                ScoredForecast.of(0.6, false),
                ScoredForecast.of(0.7, true)));

    // Squared errors 0.1^2 + 0.2^2 + 0.6^2 + 0.3^2 = 0.01 + 0.04 + 0.36 + 0.09 = 0.50, over 4.
    assertThat(metrics.brierScore()).isCloseTo(0.125, within(EXACT));
    // Probability given to what happened: 0.9, 0.8, 0.4, 0.7; ln of those is about
    // -0.10536, -0.22314, -0.91629, -0.35667, summing to -1.60147, so about 0.40037 per forecast.
    double expectedLogLoss = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.7)) / 4;
    assertThat(metrics.logLoss()).isCloseTo(expectedLogLoss, within(EXACT));
    assertThat(metrics.logLoss()).isCloseTo(0.40037, within(1e-5));
    assertThat(metrics.count()).isEqualTo(4);
    assertThat(metrics.totalWeight()).isEqualTo(4);
    // Two of four won; forecasts average (0.9 + 0.2 + 0.6 + 0.7) / 4 = 0.6: 0.1 too optimistic.
    assertThat(metrics.baseRate()).isCloseTo(0.5, within(EXACT));
    assertThat(metrics.meanForecast()).isCloseTo(0.6, within(EXACT));
    assertThat(metrics.bias()).isCloseTo(0.1, within(EXACT));
  }

  @Test
  void logLossClipsCertainForecastsThatMissed() {
    CalibrationMetrics metrics =
        CalibrationMetrics.of(List.of(ScoredForecast.of(1.0, false), ScoredForecast.of(0.0, true)));

    // Each miss is charged -ln(1e-6) = 6 ln 10, about 13.8155, instead of infinity.
    assertThat(metrics.logLoss()).isCloseTo(6 * Math.log(10), within(1e-9));
    assertThat(metrics.brierScore()).isCloseTo(1.0, within(EXACT));
  }

  @Test
  void reliabilityBinsCountForecastsByTenths() {
    CalibrationMetrics metrics =
        CalibrationMetrics.of(
            List.of(
                ScoredForecast.of(0.0, false),
                ScoredForecast.of(0.05, false),
                ScoredForecast.of(0.1, true),
                ScoredForecast.of(0.15, false),
                ScoredForecast.of(0.3, false),
                ScoredForecast.of(0.35, true),
                ScoredForecast.of(0.55, true),
                ScoredForecast.of(0.95, true),
                ScoredForecast.of(1.0, true)));

    List<ReliabilityBin> bins = metrics.reliabilityBins();
    assertThat(bins).hasSize(10);
    // 0.1 opens bin 1 and 0.3 opens bin 3; 1.0 joins 0.95 in the last bin.
    assertThat(bins)
        .extracting(ReliabilityBin::count)
        .containsExactly(2, 2, 0, 2, 0, 1, 0, 0, 0, 2);
    for (int bin = 0; bin < 10; bin++) {
      assertThat(bins.get(bin).lowerBound()).isCloseTo(bin / 10.0, within(EXACT));
      assertThat(bins.get(bin).upperBound()).isCloseTo((bin + 1) / 10.0, within(EXACT));
    }
    ReliabilityBin second = bins.get(1);
    assertThat(second.meanPredicted().getAsDouble()).isCloseTo((0.1 + 0.15) / 2, within(EXACT));
    assertThat(second.observedFrequency().getAsDouble()).isCloseTo(0.5, within(EXACT));
    ReliabilityBin last = bins.get(9);
    assertThat(last.meanPredicted().getAsDouble()).isCloseTo(0.975, within(EXACT));
    assertThat(last.observedFrequency().getAsDouble()).isCloseTo(1.0, within(EXACT));
    assertThat(bins.get(2).meanPredicted()).isEmpty();
    assertThat(bins.get(2).observedFrequency()).isEmpty();
  }

  @Test
  void expectedCalibrationErrorWeighsBinGapsByShare() {
    CalibrationMetrics metrics =
        CalibrationMetrics.of(
            List.of(
                ScoredForecast.of(0.15, true),
                ScoredForecast.of(0.15, false),
                ScoredForecast.of(0.15, false),
                ScoredForecast.of(0.15, false),
                ScoredForecast.of(0.85, true),
                ScoredForecast.of(0.85, true)));

    // Bin 1: forecast 0.15, one in four won, gap 0.10, share 4/6.
    // Bin 8: forecast 0.85, both won, gap 0.15, share 2/6.
    // ECE = 4/6 * 0.10 + 2/6 * 0.15 = 0.4/6 + 0.3/6 = 0.7/6 = 7/60.
    assertThat(metrics.expectedCalibrationError()).isCloseTo(7.0 / 60, within(EXACT));
  }

  @Test
  void weightCountsLikeRepeatedForecasts() {
    CalibrationMetrics weighted =
        CalibrationMetrics.of(
            List.of(new ScoredForecast(0.3, true, 2), new ScoredForecast(0.8, false, 1)));
    CalibrationMetrics repeated =
        CalibrationMetrics.of(
            List.of(
                ScoredForecast.of(0.3, true),
                ScoredForecast.of(0.3, true),
                ScoredForecast.of(0.8, false)));

    assertThat(weighted.count()).isEqualTo(2);
    assertThat(weighted.totalWeight()).isEqualTo(3);
    // Squared errors 0.49 twice and 0.64 once, over 3.
    assertThat(weighted.brierScore()).isCloseTo((2 * 0.49 + 0.64) / 3, within(EXACT));
    assertThat(weighted.brierScore()).isCloseTo(repeated.brierScore(), within(EXACT));
    assertThat(weighted.logLoss()).isCloseTo(repeated.logLoss(), within(EXACT));
    assertThat(weighted.baseRate()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(weighted.expectedCalibrationError())
        .isCloseTo(repeated.expectedCalibrationError(), within(EXACT));
    assertThat(weighted.reliabilityBins().get(3).weight()).isEqualTo(2);
    assertThat(weighted.reliabilityBins().get(3).count()).isEqualTo(1);
  }

  @Test
  void calibrationFitIsIdentityWhenEachProbabilityHitsItsOwnRate() {
    // At each probability p, won weight p and lost weight 1 - p: the residual y - p sums to zero
    // at every point, so both score equations vanish at intercept 0, slope 1, and by concavity
    // that is the unique maximum.
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (double p : new double[] {0.1, 0.25, 0.5, 0.7, 0.9}) {
      forecasts.add(new ScoredForecast(p, true, p));
      forecasts.add(new ScoredForecast(p, false, 1 - p));
    }

    CalibrationFit fit = CalibrationMetrics.of(forecasts).calibrationFit();

    assertThat(fit.status()).isEqualTo(CalibrationFit.Status.CONVERGED);
    assertThat(fit.intercept().getAsDouble()).isCloseTo(0, within(1e-9));
    assertThat(fit.slope().getAsDouble()).isCloseTo(1, within(1e-9));
  }

  @Test
  void calibrationFitMatchesBruteForceMaximumLikelihood() {
    double[] probabilities = {0.1, 0.2, 0.2, 0.35, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.85, 0.9};
    boolean[] won = {false, false, true, false, true, false, true, true, false, true, true, true};
    List<ScoredForecast> forecasts = new ArrayList<>();
    double[] x = new double[probabilities.length];
    double[] y = new double[probabilities.length];
    double[] w = new double[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      forecasts.add(ScoredForecast.of(probabilities[i], won[i]));
      x[i] = LogLikelihoodGrid.logit(probabilities[i]);
      y[i] = won[i] ? 1 : 0;
      w[i] = 1;
    }

    CalibrationFit fit = CalibrationMetrics.of(forecasts).calibrationFit();
    double[] best = LogLikelihoodGrid.maximise(x, y, w);

    assertThat(fit.status()).isEqualTo(CalibrationFit.Status.CONVERGED);
    assertThat(fit.intercept().getAsDouble()).isCloseTo(best[0], within(1e-5));
    assertThat(fit.slope().getAsDouble()).isCloseTo(best[1], within(1e-5));
  }

  /**
   * 20,000 forecasts with p uniform on [0.05, 0.95] and outcomes drawn with probability p. The
   * Fisher information of (intercept, slope) at (0, 1) is n E[p(1-p) (1, x; x, x^2)] with x =
   * logit(p); integrating over p gives standard errors of about 0.017 for the intercept and 0.016
   * for the slope, so a tolerance of 0.05 is about three standard errors.
   */
  @Test
  void calibratedSampleHasSlopeOneAndInterceptZero() {
    SplittableRandom random = new SplittableRandom(42);
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double p = 0.05 + 0.9 * random.nextDouble();
      forecasts.add(ScoredForecast.of(p, random.nextDouble() < p));
    }

    CalibrationMetrics metrics = CalibrationMetrics.of(forecasts);

    assertThat(metrics.calibrationFit().status()).isEqualTo(CalibrationFit.Status.CONVERGED);
    assertThat(metrics.calibrationFit().slope().getAsDouble()).isCloseTo(1, within(0.05));
    assertThat(metrics.calibrationFit().intercept().getAsDouble()).isCloseTo(0, within(0.05));
    // The bias has standard error sqrt(E[p(1-p)] / n), about 0.003; allow five.
    assertThat(metrics.bias()).isCloseTo(0, within(0.015));
    // Each bin's observed frequency has standard error about sqrt(0.25 / 2,000) = 0.011, so the
    // mean absolute gap is about 0.009; 0.03 is well clear of it.
    assertThat(metrics.expectedCalibrationError()).isLessThan(0.03);
  }

  /**
   * The same draws, but the rep reports q = sigmoid(2 logit(p)), pushed towards 0 and 1. Then
   * logit(p) = logit(q) / 2, so the true calibration slope is exactly 0.5 with intercept 0; the
   * slope's standard error is about half of 0.016, so 0.025 is about three of them.
   */
  @Test
  void overConfidentSampleHasSlopeBelowOne() {
    SplittableRandom random = new SplittableRandom(42);
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double p = 0.05 + 0.9 * random.nextDouble();
      double reported = 1 / (1 + Math.exp(-2 * LogLikelihoodGrid.logit(p)));
      forecasts.add(ScoredForecast.of(reported, random.nextDouble() < p));
    }

    CalibrationFit fit = CalibrationMetrics.of(forecasts).calibrationFit();

    assertThat(fit.slope().getAsDouble()).isLessThan(1).isCloseTo(0.5, within(0.025));
    assertThat(fit.intercept().getAsDouble()).isCloseTo(0, within(0.05));
  }

  @Test
  void calibrationFitReportsWhyItDoesNotExist() {
    assertThat(fitStatus(forecast(0.3, true), forecast(0.7, true)))
        .isEqualTo(CalibrationFit.Status.SINGLE_OUTCOME);
    assertThat(fitStatus(forecast(0.6, true), forecast(0.6, false), forecast(0.6, true)))
        .isEqualTo(CalibrationFit.Status.CONSTANT_FORECAST);
    // Complete separation: every loss below every win.
    assertThat(
            fitStatus(
                forecast(0.2, false),
                forecast(0.3, false),
                forecast(0.7, true),
                forecast(0.8, true)))
        .isEqualTo(CalibrationFit.Status.SEPARATED);
    // Quasi-complete separation: the two outcomes meet only at 0.5.
    assertThat(
            fitStatus(
                forecast(0.2, false),
                forecast(0.5, false),
                forecast(0.5, true),
                forecast(0.8, true)))
        .isEqualTo(CalibrationFit.Status.SEPARATED);
    // Reversed separation: every win below every loss.
    assertThat(fitStatus(forecast(0.2, true), forecast(0.8, false)))
        .isEqualTo(CalibrationFit.Status.SEPARATED);

    CalibrationFit fit = CalibrationMetrics.of(List.of(forecast(0.3, true))).calibrationFit();
    assertThat(fit.intercept()).isEmpty();
    assertThat(fit.slope()).isEmpty();
  }

  @Test
  void rejectsEmptyList() {
    assertThatThrownBy(() -> CalibrationMetrics.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("forecasts is empty: calibration metrics need at least one scored forecast");
  }

  @Test
  void calibrationFitHasCoefficientsExactlyWhenConverged() {
    assertThatThrownBy(
            () ->
                new CalibrationFit(
                    CalibrationFit.Status.CONVERGED, OptionalDouble.empty(), OptionalDouble.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "intercept and slope must be present exactly when the fit converged, but status is"
                + " CONVERGED, intercept OptionalDouble.empty, slope OptionalDouble[1.0]");
  }

  @Test
  void scoredForecastRejectsImpossibleValues() {
    assertThatThrownBy(() -> ScoredForecast.of(1.5, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> ScoredForecast.of(Double.NaN, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0, 1] but was NaN");
    assertThatThrownBy(() -> new ScoredForecast(0.5, true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be finite and positive but was 0.0");
  }

  private static ScoredForecast forecast(double probability, boolean won) {
    return ScoredForecast.of(probability, won);
  }

  private static CalibrationFit.Status fitStatus(ScoredForecast... forecasts) {
    return CalibrationMetrics.of(List.of(forecasts)).calibrationFit().status();
  }
}
