package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The beta-geometric/negative-binomial (BG/NBD) model of repeat purchasing of Fader, Hardie and
 * Lee, "Counting Your Customers the Easy Way" (Marketing Science, 2005): while alive a customer
 * buys at a Poisson rate, and after each purchase drops out with some probability; rates and
 * dropout probabilities are heterogeneous across customers. Equation numbers refer to that paper.
 *
 * <p>Times (recency, age, horizons) are in whatever unit the summaries were built in, and alpha is
 * in that unit too. Instances are immutable.
 */
public final class BgNbdModel {
  private static final String NAME = "BG/NBD";

  /** The start of the search, as in the lifetimes package: every parameter 1. */
  private static final double[] START = {1.0, 1.0, 1.0, 1.0};

  private final BgNbdParameters parameters;

  private BgNbdModel(BgNbdParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters is null");
  }

  /** The model with the given parameters. */
  public static BgNbdModel of(BgNbdParameters parameters) {
    return new BgNbdModel(parameters);
  }

  /**
   * Fits r, alpha, a and b by maximum likelihood (the sum over customers of eq. 6), searching on
   * their logarithms so that they stay positive.
   */
  public static BgNbdModel fit(List<CustomerTransactionSummary> customers) {
    if (customers.isEmpty()) {
      throw new IllegalArgumentException("no customers to fit the BG/NBD model on");
    }
    FrequencyGroups groups = new FrequencyGroups(customers);
    LogScaleMaximumLikelihood.Maximum maximum =
        LogScaleMaximumLikelihood.maximise(
            NAME, p -> groups.logLikelihood(new BgNbdParameters(p[0], p[1], p[2], p[3])), START);
    double[] p = maximum.parameters();
    return new BgNbdModel(new BgNbdParameters(p[0], p[1], p[2], p[3]));
  }

  public BgNbdParameters parameters() {
    return parameters;
  }

  /** The log-likelihood of the customers' summaries under this model: eq. 6 summed. */
  public double logLikelihood(List<CustomerTransactionSummary> customers) {
    return new FrequencyGroups(customers).logLikelihood(parameters);
  }

  /** One customer's log-likelihood, eq. 6. */
  public double logLikelihood(CustomerTransactionSummary customer) {
    return logLikelihood(List.of(customer));
  }

  /**
   * P(alive | x, t<sub>x</sub>, T), from the same two terms as eq. 6 (Fader, Hardie and Lee's note
   * "Computing P(alive) Using the BG/NBD Model"): 1 for a customer who never bought again, since in
   * BG/NBD a customer can only drop out right after a repeat purchase.
   */
  public double probabilityAlive(CustomerTransactionSummary customer) {
    return 1.0 / (1.0 + deadOverAlive(customer));
  }

  /**
   * E[Y(t) | x, t<sub>x</sub>, T], the expected number of purchases in (T, T+t] of a customer with
   * this history, eq. 10.
   */
  public double expectedPurchases(CustomerTransactionSummary customer, double t) {
    requireNonNull(customer, "customer is null");
    return expectedPurchases(customer.frequency(), customer.age(), t) * probabilityAlive(customer);
  }

  /**
   * E[X(t)], the expected number of repeat purchases in (0, t] of a customer just acquired, eq. 9.
   */
  public double expectedPurchasesOfNewCustomer(double t) {
    return expectedPurchases(0, 0.0, t);
  }

  /**
   * The ratio of the two terms of eq. 6's last factor: the likelihood that the customer dropped out
   * right after the last purchase over that of being still alive; 0 when x = 0.
   */
  private double deadOverAlive(CustomerTransactionSummary customer) {
    int x = customer.frequency();
    if (x == 0) {
      return 0.0;
    }
    double r = parameters.r();
    double alpha = parameters.alpha();
    double a = parameters.a();
    double b = parameters.b();
    return a
        / (b + x - 1)
        * Math.exp((r + x) * Math.log((alpha + customer.age()) / (alpha + customer.recency())));
  }

  /**
   * Eq. 10's numerator: (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1;
   * z)] with z = t/(alpha+T+t), the expected purchases of a customer known to be alive.
   *
   * <p>Summed as it stands the series converges slowly as z nears 1 (long horizons, young
   * customers) and its terms grow past any double for frequent buyers before the power in front
   * brings them back down; and the bracket cancels as a nears 1. Euler's transformation turns
   * (1-z)^(r+x) 2F1(r+x, b+x; c; z) into (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z), c = a+b+x-1, whose
   * terms fall off like n^-(x+r+2-a) z^n; writing that 2F1 as 1 + (a-1) S and the power as
   * exp((a-1) L), L = ln(1-z), the bracket over (a-1) becomes -expm1((a-1) L)/(a-1) - exp((a-1) L)
   * S, with no cancellation and a finite limit at a = 1.
   */
  private double expectedPurchases(int x, double age, double t) {
    if (!(t >= 0 && Double.isFinite(t))) {
      throw new IllegalArgumentException("the horizon t must be finite and >= 0, got " + t);
    }
    if (t == 0) {
      return 0.0;
    }
    double r = parameters.r();
    double alpha = parameters.alpha();
    double a = parameters.a();
    double b = parameters.b();
    double c = a + b + x - 1;
    double z = t / (alpha + age + t);
    double logOneMinusZ = -Math.log1p(t / (alpha + age));
    double shape = a - 1;
    double powerTerm = shape == 0 ? -logOneMinusZ : -Math.expm1(shape * logOneMinusZ) / shape;
    double series = Hypergeometric.excess(a + b - 1 - r, shape, c, z);
    return c * (powerTerm - Math.exp(shape * logOneMinusZ) * series);
  }

  /**
   * Customers grouped by frequency, so that the log-gamma terms of eq. 6, which depend on x only,
   * are computed once per distinct x rather than once per customer: fitting evaluates the
   * likelihood thousands of times.
   */
  private static final class FrequencyGroups {
    private final int[] frequencies;
    private final int[] group;
    private final double[] recency;
    private final double[] age;

    FrequencyGroups(List<CustomerTransactionSummary> customers) {
      frequencies =
          customers.stream()
              .mapToInt(CustomerTransactionSummary::frequency)
              .distinct()
              .sorted()
              .toArray();
      group = new int[customers.size()];
      recency = new double[customers.size()];
      age = new double[customers.size()];
      for (int i = 0; i < customers.size(); i++) {
        CustomerTransactionSummary customer = customers.get(i);
        group[i] = Arrays.binarySearch(frequencies, customer.frequency());
        recency[i] = customer.recency();
        age[i] = customer.age();
      }
    }

    double logLikelihood(BgNbdParameters parameters) {
      double r = parameters.r();
      double alpha = parameters.alpha();
      double a = parameters.a();
      double b = parameters.b();
      // ln A1 + ln A2 of eq. 6 without the alpha^r factor, and ln(a/(b+x-1)), per distinct x.
      double[] gammaTerms = new double[frequencies.length];
      double[] logDropout = new double[frequencies.length];
      double logGammaR = Gamma.logGamma(r);
      double logBetaAb = Gamma.logGamma(a + b) - Gamma.logGamma(b);
      for (int g = 0; g < frequencies.length; g++) {
        int x = frequencies[g];
        gammaTerms[g] =
            Gamma.logGamma(r + x)
                - logGammaR
                + logBetaAb
                + Gamma.logGamma(b + x)
                - Gamma.logGamma(a + b + x);
        logDropout[g] = x == 0 ? Double.NaN : Math.log(a / (b + x - 1));
      }
      double logAlpha = Math.log(alpha);
      double sum = 0;
      for (int i = 0; i < group.length; i++) {
        int g = group[i];
        int x = frequencies[g];
        double alive = -(r + x) * Math.log(alpha + age[i]);
        double last = alive;
        if (x > 0) {
          double dead = logDropout[g] - (r + x) * Math.log(alpha + recency[i]);
          // ln(e^alive + e^dead) without underflow: both can be far below -745.
          last = Math.max(alive, dead) + Math.log1p(Math.exp(-Math.abs(alive - dead)));
        }
        sum += gammaTerms[g] + r * logAlpha + last;
      }
      return sum;
    }
  }
}
