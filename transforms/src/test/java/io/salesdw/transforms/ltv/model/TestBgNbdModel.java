package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestBgNbdModel {
  /** Fader, Hardie and Lee (2005), table/section 4: the fit on the CDNOW sample, in weeks. */
  private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

  private static final double PUBLISHED_LOG_LIKELIHOOD = -9582.4;

  private static final BgNbdModel MODEL = BgNbdModel.of(new BgNbdParameters(0.5, 3.0, 0.8, 2.5));

  @Test
  void logLikelihoodOfARepeatBuyerFollowsEquationSix() {
    // r = 0.5, alpha = 3, a = 0.8, b = 2.5; x = 2, t_x = 10, T = 20. Gamma(2.5) = 0.75 sqrt(pi)
    // and Gamma(0.5) = sqrt(pi), so A1 = Gamma(r + x) alpha^r / Gamma(r) = 0.75 sqrt(3);
    // A2 = Gamma(a + b) Gamma(b + x) / (Gamma(b) Gamma(a + b + x))
    //    = [Gamma(4.5) / Gamma(2.5)] / [Gamma(5.3) / Gamma(3.3)] = (3.5 * 2.5) / (4.3 * 3.3);
    // A3 = (alpha + T)^-(r + x) = 23^-2.5; A4 = a / (b + x - 1) (alpha + t_x)^-(r + x).
    double a1 = 0.75 * Math.sqrt(3);
    double a2 = (3.5 * 2.5) / (4.3 * 3.3);
    double a3 = Math.pow(23, -2.5);
    double a4 = 0.8 / 3.5 * Math.pow(13, -2.5);
    CustomerTransactionSummary customer = new CustomerTransactionSummary("c", 2, 10, 20, 0);

    assertThat(MODEL.logLikelihood(customer))
        .isCloseTo(Math.log(a1 * a2 * (a3 + a4)), within(1e-12));
  }

  @Test
  void logLikelihoodOfACustomerWhoNeverReturned() {
    // x = 0: A1 = alpha^r = sqrt(3), A2 = 1, and only A3 = 23^-0.5 remains.
    CustomerTransactionSummary customer = new CustomerTransactionSummary("c", 0, 0, 20, 0);

    assertThat(MODEL.logLikelihood(customer))
        .isCloseTo(Math.log(Math.sqrt(3) / Math.sqrt(23)), within(1e-12));
  }

  @Test
  void probabilityAliveIsOneWithoutRepeatPurchases() {
    // A customer can only drop out right after a repeat purchase: no repeat, no dropout.
    assertThat(MODEL.probabilityAlive(new CustomerTransactionSummary("c", 0, 0, 52, 0)))
        .isEqualTo(1.0);
  }

  @Test
  void probabilityAliveWeighsTheTwoTermsOfTheLikelihood() {
    // 1 / (1 + A4 / A3) = 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
    double expected = 1 / (1 + 0.8 / 3.5 * Math.pow(23.0 / 13.0, 2.5));

    assertThat(MODEL.probabilityAlive(new CustomerTransactionSummary("c", 2, 10, 20, 0)))
        .isCloseTo(expected, within(1e-14));
    // Buying just now is no evidence of dropout: t_x = T gives 1 / (1 + a / (b + x - 1)).
    assertThat(MODEL.probabilityAlive(new CustomerTransactionSummary("c", 2, 20, 20, 0)))
        .isCloseTo(1 / (1 + 0.8 / 3.5), within(1e-14));
  }

  // The quadrature is good to about 1e-6; 1e-5 (0.001 %) still catches any error in the formula.
  @ParameterizedTest
  @CsvSource({
    // r, alpha, a, b, t
    "0.243, 4.414, 0.793, 2.426, 39",
    "0.243, 4.414, 0.793, 2.426, 500",
    "0.5, 3.0, 1.0, 2.5, 10", // a = 1, where eq. 9's 1 / (a - 1) is a removable singularity
    "0.5, 3.0, 1.0000001, 2.5, 10",
    "2.0, 10.0, 3.5, 1.5, 25",
  })
  void newCustomerExpectationMatchesTheIntegral(
      double r, double alpha, double a, double b, double t) {
    BgNbdModel model = BgNbdModel.of(new BgNbdParameters(r, alpha, a, b));

    assertThat(model.expectedPurchasesOfNewCustomer(t))
        .isCloseTo(BgNbdByIntegration.newCustomer(r, alpha, a, b, t), withinPercentage(1e-3));
  }

  @ParameterizedTest
  @CsvSource({
    // x, t_x, T, t
    "0, 0, 38.86, 39",
    "2, 30.43, 38.86, 39",
    "1, 1.71, 38.86, 39",
    "14, 36.0, 38.0, 156", // a frequent buyer over a long horizon
    "150, 38.5, 39.0, 2000", // the untransformed series would overflow here
    "3, 5.0, 0.5, 3000", // z = t / (alpha + T + t) = 0.998
  })
  void conditionalExpectationMatchesTheIntegral(int x, double recency, double age, double t) {
    BgNbdModel model = BgNbdModel.of(PUBLISHED);
    CustomerTransactionSummary customer =
        new CustomerTransactionSummary("c", x, Math.min(recency, age), age, 0);

    assertThat(model.expectedPurchases(customer, t))
        .isCloseTo(
            BgNbdByIntegration.conditional(
                0.243, 4.414, 0.793, 2.426, x, Math.min(recency, age), age, t),
            withinPercentage(1e-3));
  }

  @Test
  void reproducesThePublishedFitFromTheLifetimesSummary() {
    List<CustomerTransactionSummary> customers = CdnowSample.summaries();

    BgNbdModel fitted = BgNbdModel.fit(customers);

    assertParametersNearPublished(fitted.parameters());
    assertThat(fitted.logLikelihood(customers))
        .as("log-likelihood at %s", fitted.parameters())
        .isCloseTo(PUBLISHED_LOG_LIKELIHOOD, within(0.1));
  }

  @Test
  void reproducesThePublishedFitFromRawTransactions() {
    List<CustomerTransactionSummary> customers =
        TransactionSummaries.summarise(
            CdnowSample.transactions(), PeriodUnit.WEEKS, CdnowSample.CALIBRATION_END);

    BgNbdModel fitted = BgNbdModel.fit(customers);

    assertParametersNearPublished(fitted.parameters());
    // Unrounded recency and age move the likelihood a little from the paper's.
    assertThat(fitted.logLikelihood(customers))
        .as("log-likelihood at %s", fitted.parameters())
        .isCloseTo(PUBLISHED_LOG_LIKELIHOOD, within(1.0));
  }

  @Test
  void theFitMaximisesTheLikelihood() {
    List<CustomerTransactionSummary> customers = CdnowSample.summaries();
    BgNbdModel fitted = BgNbdModel.fit(customers);
    BgNbdParameters p = fitted.parameters();
    double best = fitted.logLikelihood(customers);

    // Nudging any parameter by 1 % either way must not do better.
    double[][] nudges = {{1.01, 1, 1, 1}, {1, 1.01, 1, 1}, {1, 1, 1.01, 1}, {1, 1, 1, 1.01}};
    for (double[] nudge : nudges) {
      for (double direction : new double[] {1, -1}) {
        double[] f = new double[4];
        for (int i = 0; i < 4; i++) {
          f[i] = direction > 0 ? nudge[i] : 1 / nudge[i];
        }
        BgNbdModel nudged =
            BgNbdModel.of(
                new BgNbdParameters(p.r() * f[0], p.alpha() * f[1], p.a() * f[2], p.b() * f[3]));
        assertThat(nudged.logLikelihood(customers)).isLessThanOrEqualTo(best);
      }
    }
  }

  private static void assertParametersNearPublished(BgNbdParameters fitted) {
    assertThat(fitted.r()).as("r of %s", fitted).isCloseTo(PUBLISHED.r(), withinPercentage(1));
    assertThat(fitted.alpha())
        .as("alpha of %s", fitted)
        .isCloseTo(PUBLISHED.alpha(), withinPercentage(1));
    assertThat(fitted.a()).as("a of %s", fitted).isCloseTo(PUBLISHED.a(), withinPercentage(1));
    assertThat(fitted.b()).as("b of %s", fitted).isCloseTo(PUBLISHED.b(), withinPercentage(1));
  }
}
