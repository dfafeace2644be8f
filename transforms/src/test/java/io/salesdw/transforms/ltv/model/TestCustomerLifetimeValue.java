package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class TestCustomerLifetimeValue {
  private static final double R = 0.243;
  private static final double ALPHA = 4.414;
  private static final double A = 0.793;
  private static final double B = 2.426;

  private static final CustomerLifetimeValue VALUE =
      new CustomerLifetimeValue(
          BgNbdModel.of(new BgNbdParameters(R, ALPHA, A, B)),
          GammaGammaModel.of(new GammaGammaParameters(6.25, 3.74, 15.44)),
          PeriodUnit.WEEKS);

  /** x = 2, t_x = 30.43, T = 38.86 weeks, mean repeat spend 22.35: CDNOW customer 1. */
  private static final CustomerTransactionSummary CUSTOMER =
      new CustomerTransactionSummary("1", 2, 30.43, 38.86, 22.35);

  /** (v + m x) p / (p x + q - 1) with p = 6.25, q = 3.74, v = 15.44. */
  private static final double SPEND = (15.44 + 22.35 * 2) * 6.25 / (6.25 * 2 + 3.74 - 1);

  private static final double WEEKS_PER_MONTH = 365.2425 / 12 / 7;

  @Test
  void discountsEachMonthsExpectedPurchasesAtTheMonthsEnd() {
    double expected = 0;
    for (int k = 1; k <= 6; k++) {
      double purchasesInMonth =
          expectedPurchases(k * WEEKS_PER_MONTH) - expectedPurchases((k - 1) * WEEKS_PER_MONTH);
      expected += purchasesInMonth * SPEND / Math.pow(1.01, k);
    }

    assertThat(VALUE.value(CUSTOMER, 6, 0.01)).isCloseTo(expected, withinPercentage(1e-3));
  }

  @Test
  void withoutDiscountingTheMonthsAddUpToTheWholeHorizon() {
    double expected = expectedPurchases(36 * WEEKS_PER_MONTH) * SPEND;

    assertThat(VALUE.value(CUSTOMER, 36, 0.0)).isCloseTo(expected, withinPercentage(1e-3));
  }

  @Test
  void aZeroHorizonIsWorthNothing() {
    assertThat(VALUE.value(CUSTOMER, 0, 0.01)).isZero();
  }

  private static double expectedPurchases(double weeks) {
    return weeks == 0 ? 0 : BgNbdByIntegration.conditional(R, ALPHA, A, B, 2, 30.43, 38.86, weeks);
  }
}
