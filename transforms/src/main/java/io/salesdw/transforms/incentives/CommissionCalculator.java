package io.salesdw.transforms.incentives;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.CommissionRules;
import io.salesdw.transforms.CommissionRules.CommissionTier;
import io.salesdw.transforms.CommissionRules.PaymentTimingBand;
import io.salesdw.transforms.FiscalCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Computes the commission on each received deal payment under the {@link CommissionRules}, in the
 * order the money arrived.
 *
 * <p>A rep's payments are taken per fiscal year in order of the day received, then payment number.
 * Each payment earns the base rate on its amount; for each tier, it earns the tier's extra rate on
 * the part of it that lies above the tier's threshold of the rep's fiscal-year collections (the
 * collections before it plus itself), so a payment that crosses a threshold is split there. The sum
 * is multiplied by the first timing band whose {@code maxDaysLate} is at least the days the payment
 * arrived after its due date (a payment without a due date counts as on time). Each product (base,
 * each tier, the total) is rounded half-up to cents on its own, so the calculation path adds up as
 * written.
 */
public final class CommissionCalculator {
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  private static final int CENTS = 2;

  private final CommissionRules rules;
  private final FiscalCalendar calendar;

  public CommissionCalculator(CommissionRules rules, FiscalCalendar calendar) {
    this.rules = requireNonNull(rules, "rules is null");
    this.calendar = requireNonNull(calendar, "calendar is null");
  }

  /** The commission lines of the payments, in order of rep, fiscal year and day received. */
  public List<CommissionLine> calculate(Collection<CommissionPayment> payments) {
    List<CommissionPayment> ordered = new ArrayList<>(payments);
    ordered.sort(
        Comparator.comparing(CommissionPayment::repId)
            .thenComparingInt(p -> calendar.fiscalYear(p.receivedDate()))
            .thenComparing(CommissionPayment::receivedDate)
            .thenComparing(CommissionPayment::paymentNo));
    Map<String, BigDecimal> collected = new HashMap<>();
    List<CommissionLine> lines = new ArrayList<>(ordered.size());
    for (CommissionPayment payment : ordered) {
      int fiscalYear = calendar.fiscalYear(payment.receivedDate());
      String key = payment.repId() + '\u0000' + fiscalYear;
      BigDecimal before = collected.getOrDefault(key, ZERO);
      lines.add(line(payment, fiscalYear, before));
      collected.put(key, before.add(payment.amount()));
    }
    return lines;
  }

  private CommissionLine line(CommissionPayment payment, int fiscalYear, BigDecimal before) {
    BigDecimal amount = payment.amount();
    BigDecimal after = before.add(amount);
    BigDecimal base = cents(amount.multiply(rules.baseRate()));
    List<TierPortion> tiers = new ArrayList<>();
    for (CommissionTier tier : rules.tiers()) {
      // The part of [before, after] above the threshold; a refund (after < before) earns none.
      BigDecimal above = after.subtract(before.max(tier.threshold())).max(BigDecimal.ZERO);
      above = above.setScale(Math.max(CENTS, above.scale()), RoundingMode.UNNECESSARY);
      tiers.add(
          new TierPortion(
              tier.threshold(), tier.extraRate(), above, cents(above.multiply(tier.extraRate()))));
    }
    OptionalLong daysLate =
        payment.dueDate().isPresent()
            ? OptionalLong.of(
                ChronoUnit.DAYS.between(payment.dueDate().get(), payment.receivedDate()))
            : OptionalLong.empty();
    PaymentTimingBand band = band(daysLate.orElse(0));
    BigDecimal subtotal = tiers.stream().map(TierPortion::commission).reduce(base, BigDecimal::add);
    BigDecimal total = cents(subtotal.multiply(band.multiplier()));
    String path = path(payment, fiscalYear, before, base, tiers, daysLate, band, subtotal, total);
    return new CommissionLine(
        payment, fiscalYear, before, base, tiers, daysLate, band, total, path);
  }

  private PaymentTimingBand band(long daysLate) {
    for (PaymentTimingBand band : rules.timing()) {
      if (daysLate <= band.maxDaysLate()) {
        return band;
      }
    }
    // CommissionRules guarantees a last band for any lateness.
    throw new IllegalStateException("no timing band for " + daysLate + " days late");
  }

  private String path(
      CommissionPayment payment,
      int fiscalYear,
      BigDecimal before,
      BigDecimal base,
      List<TierPortion> tiers,
      OptionalLong daysLate,
      PaymentTimingBand band,
      BigDecimal subtotal,
      BigDecimal total) {
    StringBuilder path = new StringBuilder();
    path.append("fiscal ")
        .append(fiscalYear)
        .append(" collected before ")
        .append(money(before))
        .append("; base ")
        .append(percent(rules.baseRate()))
        .append(" × ")
        .append(money(payment.amount()))
        .append(" = ")
        .append(money(base));
    for (TierPortion tier : tiers) {
      if (tier.amountAbove().signum() > 0) {
        path.append("; above ")
            .append(money(tier.threshold()))
            .append(": ")
            .append(money(tier.amountAbove()))
            .append(" × ")
            .append(percent(tier.extraRate()))
            .append(" = ")
            .append(money(tier.commission()));
      }
    }
    path.append("; ").append(lateness(daysLate)).append(" (").append(bandText(band));
    path.append(") → ×").append(band.multiplier().toPlainString());
    path.append("; total ")
        .append(money(subtotal))
        .append(" × ")
        .append(band.multiplier().toPlainString())
        .append(" = ")
        .append(money(total));
    return path.toString();
  }

  private static String lateness(OptionalLong daysLate) {
    if (daysLate.isEmpty()) {
      return "no due date, counted as on time";
    }
    long days = daysLate.getAsLong();
    if (days == 0) {
      return "paid on the due date";
    }
    String unit = Math.abs(days) == 1 ? " day" : " days";
    return days > 0 ? "paid " + days + unit + " late" : "paid " + -days + unit + " early";
  }

  private String bandText(PaymentTimingBand band) {
    if (band.maxDaysLate() != Integer.MAX_VALUE) {
      return "band ≤ " + band.maxDaysLate() + " days late";
    }
    int index = rules.timing().indexOf(band);
    return index == 0
        ? "band any lateness"
        : "band > " + rules.timing().get(index - 1).maxDaysLate() + " days late";
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(CENTS, RoundingMode.HALF_UP);
  }

  static String money(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
