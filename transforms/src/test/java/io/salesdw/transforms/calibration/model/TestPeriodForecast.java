package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPeriodForecast {
  /** The 90th percentile of the standard normal, from printed tables. */
  private static final double Z_90 = 1.2815515655;

  private static final double EXACT = 1e-9;

  @Test
  void expectedTotalAndVarianceOfThreeDeals() {
    List<OpenDeal> deals =
        List.of(new OpenDeal(0.5, 100), new OpenDeal(0.2, 1_000), new OpenDeal(1.0, 50));

    // 0.5 * 100 + 0.2 * 1000 + 1.0 * 50 = 50 + 200 + 50.
    assertThat(PeriodForecast.expectedTotal(deals)).isCloseTo(300, within(EXACT));
    // 0.25 * 100^2 + 0.16 * 1000^2 + 0 = 2,500 + 160,000.
    assertThat(PeriodForecast.variance(deals)).isCloseTo(162_500, within(1e-6));
  }

  @Test
  void normalIntervalIsCutAtZero() {
    List<OpenDeal> deals =
        List.of(new OpenDeal(0.5, 100), new OpenDeal(0.2, 1_000), new OpenDeal(1.0, 50));

    PeriodForecastInterval interval = PeriodForecast.normalInterval(deals, 0.8);

    // 300 +- 1.28155 * sqrt(162,500) = 300 +- 516.6: the lower end would be negative.
    double halfWidth = Z_90 * Math.sqrt(162_500);
    assertThat(interval.expected()).isCloseTo(300, within(EXACT));
    assertThat(interval.lower()).isZero();
    assertThat(interval.upper()).isCloseTo(300 + halfWidth, within(1e-6));
    assertThat(interval.level()).isEqualTo(0.8);
  }

  /**
   * Three deals at 50% for 100, 200 and 400: the eight totals 0, 100, ..., 700 each have
   * probability 1/8. P(total = 0) = 0.125 is above 0.10 and P(total = 700) = 0.125 too, so the 10th
   * percentile is 0 and the 90th is 700; with 10,000 draws the share of zeros has standard error
   * 0.0033, so 0.10 is seven of them away. The normal curve, 350 +- 1.28155 * sqrt(0.25 * (100^2 +
   * 200^2 + 400^2)) = 350 +- 293.6, misses both ends.
   */
  @Test
  void monteCarloFollowsTheExactDistributionOfFewDeals() {
    List<OpenDeal> deals =
        List.of(new OpenDeal(0.5, 100), new OpenDeal(0.5, 200), new OpenDeal(0.5, 400));

    PeriodForecastInterval monteCarlo = PeriodForecast.monteCarloInterval(deals, 0.8, 1L);
    PeriodForecastInterval normal = PeriodForecast.normalInterval(deals, 0.8);

    assertThat(monteCarlo).isEqualTo(new PeriodForecastInterval(350, 0, 700, 0.8));
    double halfWidth = Z_90 * Math.sqrt(0.25 * (100 * 100 + 200 * 200 + 400 * 400));
    assertThat(normal.lower()).isCloseTo(350 - halfWidth, within(1e-6));
    assertThat(normal.upper()).isCloseTo(350 + halfWidth, within(1e-6));
  }

  /**
   * 500 deals at 30% for 1,000 each: the total is 1,000 times a Binomial(500, 0.3), mean 150,000
   * and standard deviation 1,000 sqrt(500 * 0.3 * 0.7) = 10,247, so the normal interval is 150,000
   * +- 13,132. Simulated percentiles differ from it by the lattice of totals (steps of 1,000, so up
   * to about 1,000 with the continuity correction), by Monte Carlo error (the percentile's standard
   * error is sqrt(0.1 * 0.9 / 10,000) / density, about 175) and by skew (about 40). A tolerance of
   * 2,000, a fifth of a standard deviation, covers all three.
   */
  @Test
  void monteCarloMatchesNormalApproximationForManySmallDeals() {
    List<OpenDeal> deals = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      deals.add(new OpenDeal(0.3, 1_000));
    }

    PeriodForecastInterval monteCarlo = PeriodForecast.interval(deals);
    PeriodForecastInterval normal = PeriodForecast.normalInterval(deals, 0.8);

    double halfWidth = Z_90 * 1_000 * Math.sqrt(500 * 0.3 * 0.7);
    assertThat(normal.lower()).isCloseTo(150_000 - halfWidth, within(1e-6));
    assertThat(normal.upper()).isCloseTo(150_000 + halfWidth, within(1e-6));
    assertThat(monteCarlo.expected()).isCloseTo(150_000, within(1e-6));
    assertThat(monteCarlo.level()).isEqualTo(0.8);
    assertThat(monteCarlo.lower()).isLessThan(150_000).isCloseTo(normal.lower(), within(2_000.0));
    assertThat(monteCarlo.upper())
        .isGreaterThan(150_000)
        .isCloseTo(normal.upper(), within(2_000.0));
  }

  @Test
  void monteCarloIsDeterministicForASeed() {
    List<OpenDeal> deals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      deals.add(new OpenDeal(0.05 * (i % 19) + 0.05, 100 * (i + 1)));
    }

    assertThat(PeriodForecast.monteCarloInterval(deals, 0.8, 99L))
        .isEqualTo(PeriodForecast.monteCarloInterval(deals, 0.8, 99L));
    assertThat(PeriodForecast.interval(deals))
        .isEqualTo(PeriodForecast.monteCarloInterval(deals, 0.8, PeriodForecast.DEFAULT_SEED));
  }

  @Test
  void expectedTotalCanLieOutsideTheInterval() {
    // One deal at 95% for 100: it is lost in only about 5% of draws, under the 10% tail, so both
    // percentiles are 100 while the expected total is 95.
    PeriodForecastInterval interval = PeriodForecast.interval(List.of(new OpenDeal(0.95, 100)));

    assertThat(interval).isEqualTo(new PeriodForecastInterval(95, 100, 100, 0.8));
  }

  @Test
  void noDealsGiveZero() {
    assertThat(PeriodForecast.interval(List.of()))
        .isEqualTo(new PeriodForecastInterval(0, 0, 0, 0.8));
    assertThat(PeriodForecast.normalInterval(List.of(), 0.8))
        .isEqualTo(new PeriodForecastInterval(0, 0, 0, 0.8));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> PeriodForecast.normalInterval(List.of(), 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1) but was 1.0");
    assertThatThrownBy(() -> new OpenDeal(0.5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be finite and not negative but was -1.0");
    assertThatThrownBy(() -> new PeriodForecastInterval(10, 20, 5, 0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower must not exceed upper but was 20.0 > 5.0");
  }
}
