package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The organisation's fiscal calendar: the month its fiscal year starts in and the day its weeks
 * start on. A fiscal year is named after the calendar year it ends in (a year starting in April
 * 2025 is fiscal 2026), as most companies with a non-January year do; with the default January
 * start the fiscal year is the calendar year.
 *
 * @param firstMonth the first month of the fiscal year, 1 (January) to 12
 * @param weekStart the first day of a fiscal week
 */
public record FiscalCalendar(int firstMonth, DayOfWeek weekStart) {
  /** Calendar-year fiscal years and Monday weeks (ISO), the default for Chinese companies. */
  public static final FiscalCalendar CALENDAR_YEAR = new FiscalCalendar(1, DayOfWeek.MONDAY);

  public FiscalCalendar {
    if (firstMonth < 1 || firstMonth > 12) {
      throw new IllegalArgumentException("firstMonth must be 1 to 12, got " + firstMonth);
    }
    requireNonNull(weekStart, "weekStart is null");
  }

  /** The fiscal year the date falls in, named after the calendar year the fiscal year ends in. */
  public int fiscalYear(LocalDate date) {
    return firstMonth == 1 || date.getMonthValue() < firstMonth
        ? date.getYear()
        : date.getYear() + 1;
  }

  /** The first day of the fiscal year the date falls in. */
  public LocalDate fiscalYearStart(LocalDate date) {
    LocalDate start = LocalDate.of(date.getYear(), firstMonth, 1);
    return start.isAfter(date) ? start.minusYears(1) : start;
  }

  /** The month of the fiscal year, 1 to 12. */
  public int fiscalMonth(LocalDate date) {
    return Math.floorMod(date.getMonthValue() - firstMonth, 12) + 1;
  }

  /** The quarter of the fiscal year, 1 to 4. */
  public int fiscalQuarter(LocalDate date) {
    return (fiscalMonth(date) - 1) / 3 + 1;
  }

  /** The first day of the fiscal week the date falls in. */
  public LocalDate weekStart(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(weekStart));
  }
}
