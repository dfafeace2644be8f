package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Month;

/**
 * The fiscal year the manifest's fiscal grains follow: the month it starts in, and the first day of
 * the week for the week grain. A fiscal year is named after the calendar year it ends in (as in the
 * gold layer's {@code dim_date}).
 *
 * @param firstMonth the fiscal year's first month
 * @param weekStart the first day of a week
 */
public record FiscalCalendar(Month firstMonth, DayOfWeek weekStart) {
  public static final FiscalCalendar CALENDAR_YEAR =
      new FiscalCalendar(Month.JANUARY, DayOfWeek.MONDAY);

  public FiscalCalendar {
    requireNonNull(firstMonth, "firstMonth is null");
    requireNonNull(weekStart, "weekStart is null");
  }
}
