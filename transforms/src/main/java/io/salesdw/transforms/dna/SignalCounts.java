package io.salesdw.transforms.dna;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.text.SalesSignal;
import io.salesdw.transforms.text.TextSignals;
import java.io.Serializable;

/**
 * How many decision signals and price, service and competitor objections one or more texts hold
 * (mentions, as {@link TextSignals#count} counts them).
 */
public record SignalCounts(
    int decisions, int priceObjections, int serviceObjections, int competitorObjections)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No signal at all. */
  public static final SignalCounts NONE = new SignalCounts(0, 0, 0, 0);

  public SignalCounts {
    if (decisions < 0 || priceObjections < 0 || serviceObjections < 0 || competitorObjections < 0) {
      throw new IllegalArgumentException(
          String.format(
              "negative signal count: decisions=%d, price=%d, service=%d, competitor=%d",
              decisions, priceObjections, serviceObjections, competitorObjections));
    }
  }

  /** The counts of one text's signals. */
  public static SignalCounts of(TextSignals signals) {
    requireNonNull(signals, "signals is null");
    return new SignalCounts(
        signals.count(SalesSignal.DECISION),
        signals.count(SalesSignal.OBJECTION_PRICE),
        signals.count(SalesSignal.OBJECTION_SERVICE),
        signals.count(SalesSignal.OBJECTION_COMPETITOR));
  }

  /** The sum of these counts and {@code other}. */
  public SignalCounts plus(SignalCounts other) {
    requireNonNull(other, "other is null");
    return new SignalCounts(
        decisions + other.decisions,
        priceObjections + other.priceObjections,
        serviceObjections + other.serviceObjections,
        competitorObjections + other.competitorObjections);
  }
}
