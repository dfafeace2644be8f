package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The unit in which the lifetime-value models measure time: recency, age and forecast horizons are
 * all expressed as a (fractional) number of these units.
 */
public enum PeriodUnit {
  DAYS(1.0),
  WEEKS(7.0),
  MONTHS(PeriodUnit.DAYS_PER_MONTH);

  /**
   * The mean Gregorian month (365.2425 / 12 days). One constant for every unit keeps "a month" the
   * same length whichever unit a model was fitted in; the lifetimes package instead uses 30 days
   * and 4.345 weeks, which differ from this by under 1.5 %.
   */
  static final double DAYS_PER_MONTH = 365.2425 / 12.0;

  private final double days;

  PeriodUnit(double days) {
    this.days = days;
  }

  /** The time from {@code from} to {@code to} in this unit; negative when {@code to} is earlier. */
  public double between(LocalDate from, LocalDate to) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    return ChronoUnit.DAYS.between(from, to) / days;
  }

  /** How many of this unit make one month. */
  public double perMonth() {
    return DAYS_PER_MONTH / days;
  }

  /** The lower-case name used on the command line: days, weeks or months. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
