package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

/**
 * A customer's expected value over a horizon of whole months, discounted monthly, from a BG/NBD
 * purchase model and a Gamma-Gamma spend model, as the lifetimes package's {@code
 * customer_lifetime_value} computes it: the sum over months k = 1..H of (expected purchases in
 * month k) x (conditional expected spend per purchase) / (1 + d)^k.
 *
 * <p>Discounting each month's purchases at the month's end is the lifetimes convention; it
 * understates value slightly against continuous discounting, by about half a month's discount.
 */
public final class CustomerLifetimeValue {
  private final BgNbdModel purchases;
  private final GammaGammaModel spend;
  private final PeriodUnit unit;

  /**
   * @param unit the time unit the purchase model was fitted in, to turn months into it
   */
  public CustomerLifetimeValue(BgNbdModel purchases, GammaGammaModel spend, PeriodUnit unit) {
    this.purchases = requireNonNull(purchases, "purchases is null");
    this.spend = requireNonNull(spend, "spend is null");
    this.unit = requireNonNull(unit, "unit is null");
  }

  /**
   * The customer's discounted expected value over the next {@code months} months.
   *
   * @param monthlyDiscountRate d, for example 0.01 for 1 % a month (about 12.7 % a year)
   */
  public double value(CustomerTransactionSummary customer, int months, double monthlyDiscountRate) {
    requireNonNull(customer, "customer is null");
    if (months < 0) {
      throw new IllegalArgumentException("months is negative: " + months);
    }
    if (!(monthlyDiscountRate > -1 && Double.isFinite(monthlyDiscountRate))) {
      throw new IllegalArgumentException(
          "the monthly discount rate must be above -1, got " + monthlyDiscountRate);
    }
    double valuePerPurchase = spend.conditionalExpectedAverageValue(customer);
    double month = unit.perMonth();
    double value = 0;
    double previous = 0;
    for (int k = 1; k <= months; k++) {
      // Cumulative expectations differenced, as the model gives purchases in (T, T+t].
      double cumulative = purchases.expectedPurchases(customer, k * month);
      value += (cumulative - previous) * valuePerPurchase / Math.pow(1 + monthlyDiscountRate, k);
      previous = cumulative;
    }
    return value;
  }
}
