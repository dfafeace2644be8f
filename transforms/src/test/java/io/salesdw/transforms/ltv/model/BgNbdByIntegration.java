package io.salesdw.transforms.ltv.model;

import org.apache.commons.math3.special.Gamma;

/**
 * BG/NBD expectations computed the long way, by integrating the individual-level expectation over
 * the mixing distributions, as an independent check of the closed forms with their hypergeometric
 * function.
 *
 * <p>For a customer alive at time 0 with rate lambda and dropout probability p, E[X(t)] = (1 -
 * e^(-lambda p t)) / p (Fader, Hardie and Lee 2005, eq. 7). Averaging over lambda ~ gamma(r, alpha)
 * gives (1 - (alpha / (alpha + p t))^r) / p, which is then integrated over p ~ beta(a, b)
 * numerically. Given a history (x, t<sub>x</sub>, T) and being alive at T, lambda and p are gamma(r
 * + x, alpha + T) and beta(a, b + x), and the process restarts, so the conditional expectation is
 * P(alive) times that integral with the updated parameters.
 */
final class BgNbdByIntegration {
  /** Simpson intervals; the integrand is smooth enough in u = p^a for this to give ~1e-9. */
  private static final int INTERVALS = 200_000;

  private BgNbdByIntegration() {}

  /** E[X(t)] of a new customer. */
  static double newCustomer(double r, double alpha, double a, double b, double t) {
    // u = p^a takes the p^(a-1) singularity at 0 out of the integrand: p^(a-1) dp = du / a.
    double h = 1.0 / INTERVALS;
    double sum = 0;
    for (int i = 0; i <= INTERVALS; i++) {
      double weight = (i == 0 || i == INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += weight * integrand(r, alpha, b, t, Math.pow(i * h, 1 / a));
    }
    double logBeta = Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    return sum * h / 3 / (a * Math.exp(logBeta));
  }

  /** E[Y(t) | x, t_x, T]. */
  static double conditional(
      double r, double alpha, double a, double b, int x, double recency, double age, double t) {
    return probabilityAlive(r, alpha, a, b, x, recency, age)
        * newCustomer(r + x, alpha + age, a, b + x, t);
  }

  /**
   * P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)).
   */
  static double probabilityAlive(
      double r, double alpha, double a, double b, int x, double recency, double age) {
    if (x == 0) {
      return 1.0;
    }
    return 1.0 / (1.0 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + recency), r + x));
  }

  /** (1 - (alpha / (alpha + p t))^r) / p (1 - p)^(b-1), with its limit r t / alpha at p = 0. */
  private static double integrand(double r, double alpha, double b, double t, double p) {
    if (p == 0) {
      return r * t / alpha;
    }
    if (p == 1) {
      return b == 1 ? 1 - Math.pow(alpha / (alpha + t), r) : 0.0;
    }
    return -Math.expm1(-r * Math.log1p(p * t / alpha)) / p * Math.pow(1 - p, b - 1);
  }
}
