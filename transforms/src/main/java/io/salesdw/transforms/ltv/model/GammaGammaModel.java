package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction of Fader, Hardie and Lee, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis" (Journal of Marketing Research, 2005), as set out in
 * Fader and Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013). It assumes spend is
 * independent of purchase frequency, and is fitted on the customers with at least one repeat
 * purchase of positive mean value: the others carry no information on spend.
 */
public final class GammaGammaModel {
  private static final String NAME = "Gamma-Gamma";

  private static final double[] START = {1.0, 1.0, 1.0};

  private final GammaGammaParameters parameters;

  private GammaGammaModel(GammaGammaParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters is null");
  }

  /** The model with the given parameters. */
  public static GammaGammaModel of(GammaGammaParameters parameters) {
    return new GammaGammaModel(parameters);
  }

  /** Fits p, q and v by maximum likelihood, searching on their logarithms. */
  public static GammaGammaModel fit(List<CustomerTransactionSummary> customers) {
    List<CustomerTransactionSummary> spenders = spenders(customers);
    if (spenders.isEmpty()) {
      throw LtvErrors.noRepeatCustomers(customers.size());
    }
    LogScaleMaximumLikelihood.Maximum maximum =
        LogScaleMaximumLikelihood.maximise(
            NAME, p -> logLikelihood(new GammaGammaParameters(p[0], p[1], p[2]), spenders), START);
    double[] p = maximum.parameters();
    return new GammaGammaModel(new GammaGammaParameters(p[0], p[1], p[2]));
  }

  /** The customers the model is fitted on: x &gt; 0 and a positive mean repeat spend. */
  public static List<CustomerTransactionSummary> spenders(
      List<CustomerTransactionSummary> customers) {
    return customers.stream()
        .filter(customer -> customer.frequency() > 0 && customer.monetaryValue() > 0)
        .toList();
  }

  public GammaGammaParameters parameters() {
    return parameters;
  }

  /**
   * The log-likelihood of the spenders among {@code customers}: the sum of the log density of each
   * one's mean spend m over x transactions, ln [ Gamma(px+q) / (Gamma(px) Gamma(q)) v^q m^(px-1)
   * x^(px) / (v + m x)^(px+q) ].
   */
  public double logLikelihood(List<CustomerTransactionSummary> customers) {
    return logLikelihood(parameters, spenders(customers));
  }

  /**
   * E[M | p, q, v, m, x], a customer's expected spend per transaction given the mean m of x
   * observed repeat transactions: (v + m x) p / (p x + q - 1), a weighted mean of the population
   * mean v p / (q - 1) and m. For x = 0 it is the population mean.
   */
  public double conditionalExpectedAverageValue(CustomerTransactionSummary customer) {
    requireNonNull(customer, "customer is null");
    double p = parameters.p();
    double q = parameters.q();
    double v = parameters.v();
    int x = customer.frequency();
    if (q <= 1) {
      throw LtvErrors.spendUndefined(q);
    }
    double mean = x == 0 ? 0.0 : customer.monetaryValue();
    return (v + mean * x) * p / (p * x + q - 1);
  }

  private static double logLikelihood(
      GammaGammaParameters parameters, List<CustomerTransactionSummary> spenders) {
    double p = parameters.p();
    double q = parameters.q();
    double v = parameters.v();
    double perCustomer = q * Math.log(v) - Gamma.logGamma(q);
    double sum = 0;
    for (CustomerTransactionSummary customer : spenders) {
      int x = customer.frequency();
      double m = customer.monetaryValue();
      double px = p * x;
      sum +=
          perCustomer
              + Gamma.logGamma(px + q)
              - Gamma.logGamma(px)
              + (px - 1) * Math.log(m)
              + px * Math.log(x)
              - (px + q) * Math.log(v + m * x);
    }
    return sum;
  }
}
