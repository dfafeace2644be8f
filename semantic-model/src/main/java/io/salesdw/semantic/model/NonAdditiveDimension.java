package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * Makes a measure semi-additive (MetricFlow's non-additive dimension): it adds up across every
 * dimension but this time dimension, where only the rows at the period's last (or first) instant
 * count — a pipeline balance or headcount at period end.
 *
 * @param timeDimension the time dimension of the measure's model that must not be summed over
 * @param window which end of each period is kept
 */
public record NonAdditiveDimension(String timeDimension, PeriodEnd window) {
  public NonAdditiveDimension {
    requireNonNull(timeDimension, "timeDimension is null");
    requireNonNull(window, "window is null");
  }

  /** Which snapshot of a period a semi-additive measure keeps. */
  public enum PeriodEnd {
    /** The last instant of the period: a balance at period end. */
    MAX,
    /** The first instant: an opening balance. */
    MIN
  }
}
