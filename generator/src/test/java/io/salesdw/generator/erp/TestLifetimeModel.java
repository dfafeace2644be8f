package io.salesdw.generator.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulated customers' rates and dropout probabilities have the BG/NBD population means. */
class TestLifetimeModel {
  @Test
  void ratesAndDropoutsFollowTheirGammaAndBetaDistributions() {
    SplittableRandom random = new SplittableRandom(21);
    int customers = 40_000;
    double rates = 0;
    double dropouts = 0;
    long repeatBuyers = 0;
    for (int i = 0; i < customers; i++) {
      CustomerLifetime lifetime = LifetimeModel.simulate(random, 0, 5 * 365);
      rates += lifetime.purchaseRatePerMonth();
      dropouts += lifetime.dropoutProbability();
      long[] days = lifetime.purchaseDays();
      for (int k = 1; k < days.length; k++) {
        assertThat(days[k]).isGreaterThanOrEqualTo(days[k - 1]).isLessThan(5 * 365);
      }
      if (days.length > 1) {
        repeatBuyers++;
      }
    }
    // E[lambda] = r / alpha, E[p] = a / (a + b).
    assertThat(rates / customers).isCloseTo(0.75 / 6.0, within(0.005));
    assertThat(dropouts / customers).isCloseTo(0.8 / 3.4, within(0.005));
    assertThat((double) repeatBuyers / customers).isBetween(0.4, 0.95);
  }
}
