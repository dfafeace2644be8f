package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The bookings a period's open deals are expected to bring and how far the actual total may fall
 * from that, treating the deals as independent: deal {@code i} books amount {@code a_i} with
 * probability {@code p_i}, else nothing.
 *
 * <p>The expected total is {@code sum p_i a_i} and the variance {@code sum p_i (1 - p_i) a_i^2}.
 * Two intervals are offered:
 *
 * <ul>
 *   <li>{@link #monteCarloInterval} (the one to use, and what {@link #interval} returns): the
 *       percentiles of {@value #MONTE_CARLO_DRAWS} simulated totals. A period with a handful of
 *       deals, or one large deal among small ones, has a lumpy, skewed total that the normal curve
 *       misdescribes; simulation follows the real distribution. It is deterministic: the draws come
 *       from a {@link SplittableRandom} with the given seed, consumed deal by deal in list order,
 *       so callers who want the same interval on every run pass the deals in a stable order (by
 *       opportunity id, say).
 *   <li>{@link #normalInterval}: {@code expected +- z * sqrt(variance)} with {@code z} the normal
 *       quantile of the level, cut to the feasible range {@code [0, sum a_i]}. Exact in the limit
 *       of many deals of similar size, cheap, and kept as a cross-check.
 * </ul>
 */
public final class PeriodForecast {
  /** The number of simulated period totals. */
  public static final int MONTE_CARLO_DRAWS = 10_000;

  /** The default coverage, the 10th to the 90th percentile. */
  public static final double DEFAULT_LEVEL = 0.80;

  /** The seed {@link #interval} uses, fixed so that a rerun reproduces a published interval. */
  public static final long DEFAULT_SEED = 20_240_101L;

  private PeriodForecast() {}

  /** Returns {@code sum p_i a_i}. */
  public static double expectedTotal(List<OpenDeal> deals) {
    requireNonNull(deals, "deals is null");
    double total = 0;
    for (OpenDeal deal : deals) {
      total += deal.probability() * deal.amount();
    }
    return total;
  }

  /** Returns {@code sum p_i (1 - p_i) a_i^2}, the variance of the total. */
  public static double variance(List<OpenDeal> deals) {
    requireNonNull(deals, "deals is null");
    double variance = 0;
    for (OpenDeal deal : deals) {
      double p = deal.probability();
      variance += p * (1 - p) * deal.amount() * deal.amount();
    }
    return variance;
  }

  /**
   * The Monte Carlo interval at the {@linkplain #DEFAULT_LEVEL default level} with the {@linkplain
   * #DEFAULT_SEED default seed}: the 10th and 90th percentiles of the simulated totals.
   */
  public static PeriodForecastInterval interval(List<OpenDeal> deals) {
    return monteCarloInterval(deals, DEFAULT_LEVEL, DEFAULT_SEED);
  }

  /**
   * The central interval of the simulated totals: their {@code (1 - level) / 2} and {@code (1 +
   * level) / 2} quantiles, by linear interpolation between order statistics (type 7 of Hyndman and
   * Fan, the default of R and NumPy). An empty list gives the interval [0, 0].
   *
   * @param level the coverage, in (0, 1)
   * @param seed the seed of the random draws
   */
  public static PeriodForecastInterval monteCarloInterval(
      List<OpenDeal> deals, double level, long seed) {
    requireNonNull(deals, "deals is null");
    checkLevel(level);
    OpenDeal[] array = deals.toArray(OpenDeal[]::new);
    SplittableRandom random = new SplittableRandom(seed);
    double[] totals = new double[MONTE_CARLO_DRAWS];
    for (int draw = 0; draw < MONTE_CARLO_DRAWS; draw++) {
      double total = 0;
      for (OpenDeal deal : array) {
        // nextDouble is in [0, 1): probability 1 always wins and probability 0 never does.
        if (random.nextDouble() < deal.probability()) {
          total += deal.amount();
        }
      }
      totals[draw] = total;
    }
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    percentile.setData(totals);
    double tail = (1 - level) / 2;
    return new PeriodForecastInterval(
        expectedTotal(deals),
        percentile.evaluate(100 * tail),
        percentile.evaluate(100 * (1 - tail)),
        level);
  }

  /**
   * The normal approximation {@code expected +- z * sqrt(variance)}, {@code z} the {@code (1 +
   * level) / 2} quantile of the standard normal, cut to {@code [0, sum a_i]} since the total can be
   * neither negative nor more than every deal won.
   *
   * @param level the coverage, in (0, 1)
   */
  public static PeriodForecastInterval normalInterval(List<OpenDeal> deals, double level) {
    requireNonNull(deals, "deals is null");
    checkLevel(level);
    double maximum = 0;
    for (OpenDeal deal : deals) {
      maximum += deal.amount();
    }
    double expected = expectedTotal(deals);
    // No random generator: only the quantile function is used.
    double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability((1 + level) / 2);
    double halfWidth = z * Math.sqrt(variance(deals));
    return new PeriodForecastInterval(
        expected,
        Math.max(expected - halfWidth, 0),
        Math.min(expected + halfWidth, maximum),
        level);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
    }
  }
}
