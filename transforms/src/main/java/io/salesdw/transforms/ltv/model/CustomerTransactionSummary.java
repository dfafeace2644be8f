package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

/**
 * A customer's purchase history reduced to what the BG/NBD and Gamma-Gamma models need (the
 * recency-frequency-monetary summary of Fader, Hardie and Lee).
 *
 * @param customerId the customer
 * @param frequency x, the number of repeat purchase periods: purchase days after the first
 * @param recency t<sub>x</sub>, the time from the first to the last purchase (0 when x = 0)
 * @param age T, the time from the first purchase to the end of the observation period
 * @param monetaryValue the mean value of the repeat purchases, 0 when x = 0
 */
public record CustomerTransactionSummary(
    String customerId, int frequency, double recency, double age, double monetaryValue) {
  public CustomerTransactionSummary {
    requireNonNull(customerId, "customerId is null");
    if (frequency < 0) {
      throw new IllegalArgumentException(customerId + ": frequency is negative: " + frequency);
    }
    if (!(recency >= 0 && recency <= age && Double.isFinite(age))) {
      throw new IllegalArgumentException(
          customerId + ": need 0 <= recency <= age, got recency " + recency + ", age " + age);
    }
    if (frequency == 0 && recency != 0) {
      throw new IllegalArgumentException(
          customerId + ": a customer without repeat purchases has recency 0, got " + recency);
    }
    if (!Double.isFinite(monetaryValue)) {
      throw new IllegalArgumentException(customerId + ": monetary value is not finite");
    }
  }
}
