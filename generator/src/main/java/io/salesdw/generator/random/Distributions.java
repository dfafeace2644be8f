package io.salesdw.generator.random;

import java.util.SplittableRandom;

/** Sampling from the few distributions the simulation needs, on a caller's random source. */
public final class Distributions {
  /** The fractional part of the golden ratio: the step of the Weyl sequence used for quantiles. */
  private static final double GOLDEN_STEP = 0.6180339887498949;

  private Distributions() {}

  /** A log-normal draw with the given mean (not median) and log-space standard deviation. */
  public static double logNormalWithMean(SplittableRandom random, double mean, double sigma) {
    return mean * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  /** The log-normal quantile at {@code u} with the given mean and log-space standard deviation. */
  public static double logNormalQuantile(double u, double mean, double sigma) {
    return mean * Math.exp(sigma * normalQuantile(u) - sigma * sigma / 2);
  }

  /** A log-normal draw with the given median. */
  public static double logNormalWithMedian(SplittableRandom random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Exponential with the given mean. */
  public static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  /** Gamma(shape, scale) by Marsaglia and Tsang (2000), boosted for shapes below one. */
  public static double gamma(SplittableRandom random, double shape, double scale) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v * scale;
      }
    }
  }

  /** Beta(a, b) as a ratio of gammas. */
  public static double beta(SplittableRandom random, double a, double b) {
    double x = gamma(random, a, 1);
    double y = gamma(random, b, 1);
    return x / (x + y);
  }

  /** Poisson with the given mean: multiplication for small means, a rounded normal above 30. */
  public static int poisson(SplittableRandom random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  /** Index drawn from non-negative weights with the given cumulative sums. */
  public static int weighted(SplittableRandom random, double[] cumulativeWeights) {
    return weightedAt(random.nextDouble(), cumulativeWeights);
  }

  /** Index at uniform {@code u} for non-negative weights with the given cumulative sums. */
  public static int weightedAt(double u, double[] cumulativeWeights) {
    double target = u * cumulativeWeights[cumulativeWeights.length - 1];
    int low = 0;
    int high = cumulativeWeights.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulativeWeights[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Cumulative sums of the weights, for {@link #weighted}. */
  public static double[] cumulative(double... weights) {
    double[] sums = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      sums[i] = sum;
    }
    return sums;
  }

  /**
   * The n-th point of a Weyl (golden-ratio) sequence from {@code offset}: any long run of
   * consecutive points covers [0, 1) almost evenly, so quantiles drawn this way give sample means
   * that sit close to the distribution's mean even in small samples.
   */
  public static double weyl(double offset, long n) {
    double value = offset + GOLDEN_STEP * n;
    return value - Math.floor(value);
  }

  /** The logistic function. */
  public static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The inverse of the logistic function. */
  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** The standard normal quantile (Acklam's rational approximation, relative error below 1e-9). */
  public static double normalQuantile(double p) {
    double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    if (q < 0.02425) {
      double r = Math.sqrt(-2 * Math.log(q));
      return (((((-7.784894002430293e-03 * r - 3.223964580411365e-01) * r - 2.400758277161838e+00)
                                  * r
                              - 2.549732539343734e+00)
                          * r
                      + 4.374664141464968e+00)
                  * r
              + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * r + 3.224671290700398e-01) * r + 2.445134137142996e+00) * r
                      + 3.754408661907416e+00)
                  * r
              + 1);
    }
    if (q > 1 - 0.02425) {
      return -normalQuantile(1 - q);
    }
    double s = q - 0.5;
    double r = s * s;
    return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                            + 1.383577518672690e+02)
                        * r
                    - 3.066479806614716e+01)
                * r
            + 2.506628277459239e+00)
        * s
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                            + 6.680131188771972e+01)
                        * r
                    - 1.328068155288572e+01)
                * r
            + 1);
  }
}
