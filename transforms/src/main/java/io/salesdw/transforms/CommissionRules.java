package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * How commission is earned on collected revenue: a base rate on every payment received, extra rates
 * on the part of a rep's fiscal-year collections above each threshold, and a multiplier by how late
 * the customer paid (sales keeps an interest in collecting on time).
 *
 * @param baseRate the rate on every received amount, e.g. 0.05
 * @param tiers extra rates on the part of the rep's fiscal-year collections above a threshold
 * @param timing multipliers by days paid after the due date, first matching band wins
 */
public record CommissionRules(
    BigDecimal baseRate, List<CommissionTier> tiers, List<PaymentTimingBand> timing) {

  /** 5% base, +2% on the part above 1M in the fiscal year; full rate up to 30 days late. */
  public static final CommissionRules DEFAULT =
      new CommissionRules(
          new BigDecimal("0.05"),
          List.of(new CommissionTier(new BigDecimal("1000000"), new BigDecimal("0.02"))),
          List.of(
              new PaymentTimingBand(0, BigDecimal.ONE),
              new PaymentTimingBand(30, new BigDecimal("1.0")),
              new PaymentTimingBand(90, new BigDecimal("0.8")),
              new PaymentTimingBand(Integer.MAX_VALUE, new BigDecimal("0.5"))));

  public CommissionRules {
    requireNonNull(baseRate, "baseRate is null");
    if (baseRate.signum() < 0) {
      throw new IllegalArgumentException("baseRate must not be negative, got " + baseRate);
    }
    tiers =
        List.copyOf(tiers).stream()
            .sorted(Comparator.comparing(CommissionTier::threshold))
            .toList();
    timing =
        List.copyOf(timing).stream()
            .sorted(Comparator.comparingInt(PaymentTimingBand::maxDaysLate))
            .toList();
    if (timing.isEmpty() || timing.get(timing.size() - 1).maxDaysLate() != Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "timing must end with a band for any lateness (maxDaysLate = Integer.MAX_VALUE)");
    }
  }

  /** An extra rate on the part of a rep's fiscal-year collections above the threshold. */
  public record CommissionTier(BigDecimal threshold, BigDecimal extraRate) {
    public CommissionTier {
      requireNonNull(threshold, "threshold is null");
      requireNonNull(extraRate, "extraRate is null");
    }
  }

  /** The multiplier for payments received at most {@code maxDaysLate} days after the due date. */
  public record PaymentTimingBand(int maxDaysLate, BigDecimal multiplier) {
    public PaymentTimingBand {
      requireNonNull(multiplier, "multiplier is null");
    }
  }
}
