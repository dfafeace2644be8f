package io.salesdw.transforms.calibration.model;

/**
 * The expected bookings of a period and an interval meant to hold the actual bookings with the
 * given probability.
 *
 * <p>The expected total need not lie inside the interval: with one deal at 95% for 100, the
 * expected total is 95 but both the 10th and the 90th percentile are 100.
 *
 * @param expected the expected total, {@code sum p_i a_i}
 * @param lower the lower end of the interval
 * @param upper the upper end of the interval
 * @param level the intended coverage of the interval, in (0, 1); 0.8 for the 10th to 90th
 *     percentile
 */
public record PeriodForecastInterval(double expected, double lower, double upper, double level) {
  public PeriodForecastInterval {
    if (!(Double.isFinite(expected) && Double.isFinite(lower) && Double.isFinite(upper))) {
      throw new IllegalArgumentException(
          "expected, lower and upper must be finite but were "
              + expected
              + ", "
              + lower
              + ", "
              + upper);
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "lower must not exceed upper but was " + lower + " > " + upper);
    }
    PeriodForecast.checkLevel(level);
  }
}
