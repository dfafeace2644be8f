package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Isotonic recalibration: the non-decreasing step function of the forecast probability that best
 * fits the outcomes in weighted least squares, found by pool-adjacent-violators. It assumes nothing
 * about the shape of the miscalibration, only that a higher forecast never means a lower win rate,
 * which is why it needs more data than {@link PlattCalibrator} (see {@link
 * ProbabilityCalibrators}).
 *
 * <p>{@link #calibrate(double)} interpolates linearly between the centres ({@link
 * IsotonicBlock#meanProbability()}) of adjacent blocks, so that a new forecast between two blocks
 * gets a rate between theirs rather than a jump at an arbitrary edge; below the first centre and
 * above the last it returns the end block's rate. The result is non-decreasing and continuous. A
 * block with no wins or no losses calibrates to exactly 0 or 1.
 *
 * @param blocks the fitted blocks in increasing order of probability, their rates non-decreasing
 */
public record IsotonicCalibrator(List<IsotonicBlock> blocks) implements ProbabilityCalibrator {
  public IsotonicCalibrator {
    blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("blocks is empty: an isotonic fit has at least one block");
    }
    for (int i = 1; i < blocks.size(); i++) {
      IsotonicBlock previous = blocks.get(i - 1);
      IsotonicBlock current = blocks.get(i);
      if (!(previous.upperProbability() < current.lowerProbability()
          && previous.calibratedProbability() <= current.calibratedProbability())) {
        throw new IllegalArgumentException(
            "blocks must be disjoint, in increasing order of probability, with non-decreasing"
                + " rates, but block "
                + (i - 1)
                + " is "
                + previous
                + " and block "
                + i
                + " is "
                + current);
      }
    }
  }

  /**
   * Fits the calibrator by weighted pool-adjacent-violators. Forecasts with equal probabilities are
   * pooled first, since a function cannot give them different values.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static IsotonicCalibrator fit(List<ScoredForecast> forecasts) {
    requireNonNull(forecasts, "forecasts is null");
    if (forecasts.isEmpty()) {
      throw new IllegalArgumentException(
          "forecasts is empty: an isotonic calibrator needs at least one scored forecast");
    }
    ScoredForecast[] sorted = forecasts.toArray(ScoredForecast[]::new);
    Arrays.sort(sorted, Comparator.comparingDouble(ScoredForecast::probability));

    // A stack of pooled blocks; each new forecast (or tie group) is pushed, then merged with the
    // top while the top's rate exceeds it, which restores monotonicity in amortised linear time.
    Deque<Pool> stack = new ArrayDeque<>();
    for (int i = 0; i < sorted.length; ) {
      Pool pool = new Pool(sorted[i].probability());
      double probability = sorted[i].probability();
      while (i < sorted.length && sorted[i].probability() == probability) {
        pool.add(sorted[i]);
        i++;
      }
      while (!stack.isEmpty() && stack.peek().rate() > pool.rate()) {
        pool = stack.pop().merge(pool);
      }
      stack.push(pool);
    }

    List<IsotonicBlock> blocks = new ArrayList<>(stack.size());
    for (var iterator = stack.descendingIterator(); iterator.hasNext(); ) {
      blocks.add(iterator.next().toBlock());
    }
    return new IsotonicCalibrator(blocks);
  }

  @Override
  public double calibrate(double p) {
    Probabilities.checkProbability(p, "p");
    IsotonicBlock first = blocks.get(0);
    IsotonicBlock last = blocks.get(blocks.size() - 1);
    if (p <= first.meanProbability()) {
      return first.calibratedProbability();
    }
    if (p >= last.meanProbability()) {
      return last.calibratedProbability();
    }
    // Find the last block whose centre is at or below p; p lies before the next centre.
    int low = 0;
    int high = blocks.size() - 1;
    while (high - low > 1) {
      int middle = (low + high) >>> 1;
      if (blocks.get(middle).meanProbability() <= p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    IsotonicBlock left = blocks.get(low);
    IsotonicBlock right = blocks.get(high);
    double fraction =
        (p - left.meanProbability()) / (right.meanProbability() - left.meanProbability());
    return left.calibratedProbability()
        + fraction * (right.calibratedProbability() - left.calibratedProbability());
  }

  /** A mutable accumulator of one block while pool-adjacent-violators runs. */
  private static final class Pool {
    private final double lowerProbability;
    private double upperProbability;
    private double weight;
    private double weightedProbability;
    private double weightedOutcome;

    Pool(double lowerProbability) {
      this.lowerProbability = lowerProbability;
      this.upperProbability = lowerProbability;
    }

    void add(ScoredForecast forecast) {
      upperProbability = Math.max(upperProbability, forecast.probability());
      weight += forecast.weight();
      weightedProbability += forecast.weight() * forecast.probability();
      weightedOutcome += forecast.weight() * forecast.outcome();
    }

    /** Absorbs the next pool to the right into this one and returns this. */
    Pool merge(Pool next) {
      upperProbability = next.upperProbability;
      weight += next.weight;
      weightedProbability += next.weightedProbability;
      weightedOutcome += next.weightedOutcome;
      return this;
    }

    double rate() {
      return weightedOutcome / weight;
    }

    IsotonicBlock toBlock() {
      // Clamp the rounding of sums of products back into the ranges the block guarantees.
      double mean =
          Math.min(Math.max(weightedProbability / weight, lowerProbability), upperProbability);
      return new IsotonicBlock(
          lowerProbability, upperProbability, mean, Math.min(rate(), 1), weight);
    }
  }
}
