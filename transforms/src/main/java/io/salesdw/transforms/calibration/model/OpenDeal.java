package io.salesdw.transforms.calibration.model;

/**
 * An open opportunity counted in a period's forecast: its calibrated win probability and the amount
 * it books if won. Amounts are doubles: a forecast interval does not need cent-exact arithmetic,
 * and the Monte Carlo sums ten thousand totals.
 *
 * @param probability the calibrated probability of winning, in [0, 1]
 * @param amount the amount booked if won, finite and not negative
 */
public record OpenDeal(double probability, double amount) {
  public OpenDeal {
    Probabilities.checkProbability(probability, "probability");
    if (!(amount >= 0 && Double.isFinite(amount))) {
      throw new IllegalArgumentException(
          "amount must be finite and not negative but was " + amount);
    }
  }
}
