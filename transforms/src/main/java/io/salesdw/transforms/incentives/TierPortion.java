package io.salesdw.transforms.incentives;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The part of one payment that lies above a tier's threshold of the rep's fiscal-year collections,
 * and the extra commission on it.
 *
 * @param threshold the tier's threshold of fiscal-year collections
 * @param extraRate the tier's extra rate
 * @param amountAbove the part of the payment above the threshold (zero when below it)
 * @param commission {@code amountAbove × extraRate}, rounded half-up to cents
 */
public record TierPortion(
    BigDecimal threshold, BigDecimal extraRate, BigDecimal amountAbove, BigDecimal commission) {
  public TierPortion {
    requireNonNull(threshold, "threshold is null");
    requireNonNull(extraRate, "extraRate is null");
    requireNonNull(amountAbove, "amountAbove is null");
    requireNonNull(commission, "commission is null");
  }
}
