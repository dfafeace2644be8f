package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestIsotonicCalibrator {
  private static final double EXACT = 1e-12;

  /**
   * Outcomes 0, 1, 0, 1, 1, 0 at probabilities 0.1 to 0.6, pooled left to right:
   *
   * <pre>
   * 0.1: [0]
   * 0.2: [0] [1]
   * 0.3: [0] [1] [0]  1 > 0 violates: pool 0.2-0.3 to 1/2      -> [0] [1/2]
   * 0.4: [0] [1/2] [1]
   * 0.5: [0] [1/2] [1] [1]
   * 0.6: [0] [1/2] [1] [1] [0]  pool 0.5-0.6 to 1/2, still below the 1 at 0.4:
   *      pool 0.4-0.6 to (1 + 1 + 0) / 3 = 2/3, above 1/2     -> [0] [1/2] [2/3]
   * </pre>
   *
   * Block centres: 0.1, (0.2 + 0.3) / 2 = 0.25 and (0.4 + 0.5 + 0.6) / 3 = 0.5.
   */
  @Test
  void poolsAdjacentViolatorsOfSixForecasts() {
    IsotonicCalibrator calibrator =
        IsotonicCalibrator.fit(
            List.of(
                ScoredForecast.of(0.4, true),
                ScoredForecast.of(0.1, false),
                ScoredForecast.of(0.6, false),
                ScoredForecast.of(0.2, true),
                ScoredForecast.of(0.5, true),
                ScoredForecast.of(0.3, false)));

    assertThat(calibrator.blocks()).hasSize(3);
    assertBlock(calibrator.blocks().get(0), 0.1, 0.1, 0.1, 0, 1);
    assertBlock(calibrator.blocks().get(1), 0.2, 0.3, 0.25, 0.5, 2);
    assertBlock(calibrator.blocks().get(2), 0.4, 0.6, 0.5, 2.0 / 3, 3);

    // Clamped below the first centre and above the last.
    assertThat(calibrator.calibrate(0.0)).isCloseTo(0, within(EXACT));
    assertThat(calibrator.calibrate(0.1)).isCloseTo(0, within(EXACT));
    assertThat(calibrator.calibrate(0.9)).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(calibrator.calibrate(1.0)).isCloseTo(2.0 / 3, within(EXACT));
    // 0.175 is halfway from centre 0.1 (rate 0) to centre 0.25 (rate 1/2).
    assertThat(calibrator.calibrate(0.175)).isCloseTo(0.25, within(EXACT));
    // 0.3 is a fifth of the way from 0.25 (1/2) to 0.5 (2/3): 1/2 + (1/5)(1/6) = 1/2 + 1/30.
    assertThat(calibrator.calibrate(0.3)).isCloseTo(0.5 + 1.0 / 30, within(EXACT));
  }

  /**
   * The same probabilities, outcomes 0, 1, 0, 1, 1, 0 with weights 1, 2, 1, 1, 1, 3:
   *
   * <pre>
   * 0.1 [0 w1], 0.2 [1 w2], 0.3 [0 w1]: pool 0.2-0.3 to 2/3 (w3)
   * 0.4 [1 w1], 0.5 [1 w1], 0.6 [0 w3]: pool 0.5-0.6 to 1/4 (w4),
   *   below 0.4's 1: pool 0.4-0.6 to (1 + 1) / 5 = 2/5 (w5),
   *   below 2/3: pool 0.2-0.6 to (2 + 2) / 8 = 1/2 (w8), above 0.
   * </pre>
   *
   * Centre of the big block: (2 * 0.2 + 0.3 + 0.4 + 0.5 + 3 * 0.6) / 8 = 3.4 / 8 = 0.425.
   */
  @Test
  void poolsByWeight() {
    IsotonicCalibrator calibrator =
        IsotonicCalibrator.fit(
            List.of(
                new ScoredForecast(0.1, false, 1),
                new ScoredForecast(0.2, true, 2),
                new ScoredForecast(0.3, false, 1),
                new ScoredForecast(0.4, true, 1),
                new ScoredForecast(0.5, true, 1),
                new ScoredForecast(0.6, false, 3)));

    assertThat(calibrator.blocks()).hasSize(2);
    assertBlock(calibrator.blocks().get(0), 0.1, 0.1, 0.1, 0, 1);
    assertBlock(calibrator.blocks().get(1), 0.2, 0.6, 0.425, 0.5, 8);
  }

  @Test
  void poolsEqualProbabilitiesFirst() {
    // The single win at 0.4 is above the two losses at 0.5, so all three pool to 1/3 with centre
    // (0.4 + 2 * 0.5) / 3; the ties at 0.7 (one win, one loss) stay apart at 1/2.
    IsotonicCalibrator calibrator =
        IsotonicCalibrator.fit(
            List.of(
                ScoredForecast.of(0.4, true),
                ScoredForecast.of(0.5, false),
                ScoredForecast.of(0.5, false),
                ScoredForecast.of(0.7, true),
                ScoredForecast.of(0.7, false)));

    assertThat(calibrator.blocks()).hasSize(2);
    assertBlock(calibrator.blocks().get(0), 0.4, 0.5, 1.4 / 3, 1.0 / 3, 3);
    assertBlock(calibrator.blocks().get(1), 0.7, 0.7, 0.7, 0.5, 2);
  }

  @Test
  void weightCountsLikeRepeatedForecasts() {
    IsotonicCalibrator weighted =
        IsotonicCalibrator.fit(
            List.of(
                new ScoredForecast(0.2, true, 3),
                new ScoredForecast(0.5, false, 2),
                ScoredForecast.of(0.8, true)));
    IsotonicCalibrator repeated =
        IsotonicCalibrator.fit(
            List.of(
                ScoredForecast.of(0.2, true),
                ScoredForecast.of(0.2, true),
                ScoredForecast.of(0.2, true),
                ScoredForecast.of(0.5, false),
                ScoredForecast.of(0.5, false),
                ScoredForecast.of(0.8, true)));

    // 3 wins at 0.2 and 2 losses at 0.5 pool to 3/5 over [0.2, 0.5], centre (0.6 + 1.0) / 5.
    assertThat(weighted.blocks()).hasSize(2);
    assertBlock(weighted.blocks().get(0), 0.2, 0.5, 1.6 / 5, 0.6, 5);
    assertThat(repeated.blocks()).hasSize(2);
    assertBlock(repeated.blocks().get(0), 0.2, 0.5, 1.6 / 5, 0.6, 5);
  }

  @Test
  void calibrationIsMonotoneAndWithinUnitInterval() {
    SplittableRandom random = new SplittableRandom(7);
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      double p = random.nextDouble();
      // Outcomes drawn with probability p squared: miscalibrated, but increasing in p.
      forecasts.add(ScoredForecast.of(p, random.nextDouble() < p * p));
    }
    IsotonicCalibrator calibrator = IsotonicCalibrator.fit(forecasts);

    double previous = calibrator.calibrate(0);
    for (int i = 1; i <= 1_000; i++) {
      double value = calibrator.calibrate(i / 1_000.0);
      assertThat(value).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      previous = value;
    }
  }

  @Test
  void singleBlockIsConstant() {
    IsotonicCalibrator calibrator =
        IsotonicCalibrator.fit(
            List.of(ScoredForecast.of(0.3, true), ScoredForecast.of(0.6, false)));

    // The win at 0.3 is above the loss at 0.6, so both pool to 1/2.
    assertThat(calibrator.blocks()).hasSize(1);
    assertThat(calibrator.calibrate(0.0)).isCloseTo(0.5, within(EXACT));
    assertThat(calibrator.calibrate(0.45)).isCloseTo(0.5, within(EXACT));
    assertThat(calibrator.calibrate(1.0)).isCloseTo(0.5, within(EXACT));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> IsotonicCalibrator.fit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "forecasts is empty: an isotonic calibrator needs at least one scored forecast");
    IsotonicCalibrator calibrator = IsotonicCalibrator.fit(List.of(ScoredForecast.of(0.3, true)));
    assertThatThrownBy(() -> calibrator.calibrate(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in [0, 1] but was 1.5");
    IsotonicBlock high = new IsotonicBlock(0.1, 0.2, 0.15, 0.8, 1);
    IsotonicBlock low = new IsotonicBlock(0.3, 0.4, 0.35, 0.2, 1);
    assertThatThrownBy(() -> new IsotonicCalibrator(List.of(high, low)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "blocks must be disjoint, in increasing order of probability, with non-decreasing"
                + " rates, but block 0 is "
                + high
                + " and block 1 is "
                + low);
  }

  private static void assertBlock(
      IsotonicBlock block,
      double lowerProbability,
      double upperProbability,
      double meanProbability,
      double calibratedProbability,
      double weight) {
    assertThat(block.lowerProbability()).isCloseTo(lowerProbability, within(EXACT));
    assertThat(block.upperProbability()).isCloseTo(upperProbability, within(EXACT));
    assertThat(block.meanProbability()).isCloseTo(meanProbability, within(EXACT));
    assertThat(block.calibratedProbability()).isCloseTo(calibratedProbability, within(EXACT));
    assertThat(block.weight()).isCloseTo(weight, within(EXACT));
  }
}
