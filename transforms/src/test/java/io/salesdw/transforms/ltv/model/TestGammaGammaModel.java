package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.salesdw.contracts.SalesdwException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestGammaGammaModel {
  /** Fader, Hardie and Lee, "RFM and CLV" (2005), fitted on the CDNOW sample's repeat buyers. */
  private static final GammaGammaParameters PUBLISHED = new GammaGammaParameters(6.25, 3.74, 15.44);

  private static final GammaGammaModel MODEL =
      GammaGammaModel.of(new GammaGammaParameters(2, 3, 10));

  @Test
  void logLikelihoodOfOneCustomerFollowsTheDensityOfTheMeanSpend() {
    // p = 2, q = 3, v = 10; x = 2 repeat purchases averaging m = 15, so px = 4:
    // Gamma(px + q) / (Gamma(px) Gamma(q)) = 6! / (3! 2!) = 60; v^q = 1000; m^(px-1) = 15^3;
    // x^(px) = 2^4; (v + m x)^(px + q) = 40^7.
    double density = 60 * 1000 * Math.pow(15, 3) * 16 / Math.pow(40, 7);
    CustomerTransactionSummary customer = new CustomerTransactionSummary("c", 2, 5, 10, 15);

    assertThat(MODEL.logLikelihood(List.of(customer))).isCloseTo(Math.log(density), within(1e-12));
  }

  @Test
  void customersWithoutRepeatSpendCarryNoLikelihood() {
    List<CustomerTransactionSummary> customers =
        List.of(
            new CustomerTransactionSummary("c", 2, 5, 10, 15),
            new CustomerTransactionSummary("d", 0, 0, 10, 0));

    assertThat(MODEL.logLikelihood(customers))
        .isEqualTo(MODEL.logLikelihood(customers.subList(0, 1)));
  }

  @Test
  void conditionalExpectedValueShrinksTheObservedMeanTowardsThePopulation() {
    // (v + m x) p / (p x + q - 1) = (10 + 30) * 2 / (4 + 3 - 1)
    assertThat(
            MODEL.conditionalExpectedAverageValue(
                new CustomerTransactionSummary("c", 2, 5, 10, 15)))
        .isCloseTo(80.0 / 6.0, within(1e-12));
    // Without repeat purchases: the population mean v p / (q - 1) = 10 * 2 / 2.
    assertThat(
            MODEL.conditionalExpectedAverageValue(new CustomerTransactionSummary("d", 0, 0, 10, 0)))
        .isCloseTo(10.0, within(1e-12));
  }

  @Test
  void refusesAnInfinitePopulationMean() {
    GammaGammaModel heavyTailed = GammaGammaModel.of(new GammaGammaParameters(2, 0.9, 10));

    assertThatThrownBy(
            () ->
                heavyTailed.conditionalExpectedAverageValue(
                    new CustomerTransactionSummary("d", 0, 0, 10, 0)))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("q = 0.9000 is not above 1");
  }

  @Test
  void refusesToFitWithoutRepeatBuyers() {
    assertThatThrownBy(
            () -> GammaGammaModel.fit(List.of(new CustomerTransactionSummary("d", 0, 0, 10, 0))))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("none of the 1 customers has a repeat purchase");
  }

  @Test
  void reproducesThePublishedFitFromTheLifetimesSummary() {
    GammaGammaParameters fitted =
        GammaGammaModel.fit(CdnowSample.summariesWithSpend()).parameters();

    assertNearPublished(fitted);
  }

  @Test
  void reproducesThePublishedFitFromRawTransactions() {
    List<CustomerTransactionSummary> customers =
        TransactionSummaries.summarise(
            CdnowSample.transactions(), PeriodUnit.WEEKS, CdnowSample.CALIBRATION_END);

    GammaGammaParameters fitted = GammaGammaModel.fit(customers).parameters();

    // 946 of the 2,357 customers bought again in the calibration period.
    assertThat(GammaGammaModel.spenders(customers)).hasSize(946);
    assertNearPublished(fitted);
  }

  private static void assertNearPublished(GammaGammaParameters fitted) {
    assertThat(fitted.p()).as("p of %s", fitted).isCloseTo(PUBLISHED.p(), withinPercentage(1));
    assertThat(fitted.q()).as("q of %s", fitted).isCloseTo(PUBLISHED.q(), withinPercentage(1));
    assertThat(fitted.v()).as("v of %s", fitted).isCloseTo(PUBLISHED.v(), withinPercentage(1));
  }
}
