package io.salesdw.generator.erp;

import io.salesdw.generator.random.Distributions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The BG/NBD ("buy till you die") process of Fader, Hardie and Lee (2005) behind repeat orders:
 * while alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat
 * purchase it drops out with probability p ~ Beta(a, b). Time is in months. The parameters are this
 * generator's, set for a B2B seller (about 1.5 orders a year while alive, a quarter of customers
 * lost after each order); manifest.json records them.
 */
public final class LifetimeModel {
  /** Shape r of the Gamma distribution of purchase rates. */
  public static final double R = 0.75;

  /** Rate α of the Gamma distribution of purchase rates, in months. */
  public static final double ALPHA = 6.0;

  /** Beta parameter a of the dropout probability. */
  public static final double A = 0.8;

  /** Beta parameter b of the dropout probability. */
  public static final double B = 2.6;

  private static final double DAYS_PER_MONTH = 30.4375;

  private LifetimeModel() {}

  /** Simulates one customer from its first purchase to {@code endDay} (exclusive). */
  static CustomerLifetime simulate(SplittableRandom random, long firstDay, long endDay) {
    double rate = Distributions.gamma(random, R, 1 / ALPHA);
    double dropout = Distributions.beta(random, A, B);
    long[] days = new long[8];
    int count = 0;
    days[count++] = firstDay;
    double t = firstDay;
    long droppedOut = -1;
    while (true) {
      t += Distributions.exponential(random, 1 / Math.max(rate, 1e-9)) * DAYS_PER_MONTH;
      if (t >= endDay) {
        break;
      }
      if (count == days.length) {
        days = Arrays.copyOf(days, count * 2);
      }
      days[count++] = (long) t;
      if (random.nextDouble() < dropout) {
        droppedOut = (long) t;
        break;
      }
    }
    return new CustomerLifetime(rate, dropout, Arrays.copyOf(days, count), droppedOut);
  }
}
