package io.salesdw.transforms.incentives;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.CommissionRules.PaymentTimingBand;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;

/**
 * The commission on one received payment and how it was reached.
 *
 * @param payment the payment
 * @param fiscalYear the fiscal year of the day received
 * @param collectedBefore the rep's collections in that fiscal year before this payment
 * @param baseCommission the base rate on the whole amount, rounded half-up to cents
 * @param tiers one portion per configured tier, in increasing order of threshold
 * @param daysLate days between the due date and the day received (negative when early), empty
 *     without a due date
 * @param timingBand the timing band that applied (a payment without a due date counts as on time)
 * @param commissionAmount {@code (baseCommission + tierCommission) × multiplier}, rounded half-up
 *     to cents
 * @param calculationPath the calculation in words and numbers, for the rep and their manager
 */
public record CommissionLine(
    CommissionPayment payment,
    int fiscalYear,
    BigDecimal collectedBefore,
    BigDecimal baseCommission,
    List<TierPortion> tiers,
    OptionalLong daysLate,
    PaymentTimingBand timingBand,
    BigDecimal commissionAmount,
    String calculationPath) {
  public CommissionLine {
    requireNonNull(payment, "payment is null");
    requireNonNull(collectedBefore, "collectedBefore is null");
    requireNonNull(baseCommission, "baseCommission is null");
    tiers = List.copyOf(tiers);
    requireNonNull(daysLate, "daysLate is null");
    requireNonNull(timingBand, "timingBand is null");
    requireNonNull(commissionAmount, "commissionAmount is null");
    requireNonNull(calculationPath, "calculationPath is null");
  }

  /** The part of the payment above the lowest tier's threshold (zero without tiers). */
  public BigDecimal tierAmount() {
    return tiers.isEmpty() ? BigDecimal.ZERO.setScale(2) : tiers.get(0).amountAbove();
  }

  /** The extra commission of all tiers together, before the timing multiplier. */
  public BigDecimal tierCommission() {
    return tiers.stream()
        .map(TierPortion::commission)
        .reduce(CommissionCalculator.ZERO, BigDecimal::add);
  }
}
