package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestFiscalCalendar {
  private static final FiscalCalendar APRIL_SUNDAY = new FiscalCalendar(4, DayOfWeek.SUNDAY);

  @Test
  void calendarYearIsTheDefault() {
    LocalDate d = LocalDate.of(2025, 11, 19); // a Wednesday
    FiscalCalendar c = FiscalCalendar.CALENDAR_YEAR;
    assertThat(c.fiscalYear(d)).isEqualTo(2025);
    assertThat(c.fiscalMonth(d)).isEqualTo(11);
    assertThat(c.fiscalQuarter(d)).isEqualTo(4);
    assertThat(c.fiscalYearStart(d)).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(c.weekStart(d)).isEqualTo(LocalDate.of(2025, 11, 17));
  }

  @Test
  void aprilYearIsNamedAfterTheYearItEndsIn() {
    // April 2025 .. March 2026 is fiscal 2026; March 2025 still belongs to fiscal 2025.
    assertThat(APRIL_SUNDAY.fiscalYear(LocalDate.of(2025, 4, 1))).isEqualTo(2026);
    assertThat(APRIL_SUNDAY.fiscalYear(LocalDate.of(2025, 3, 31))).isEqualTo(2025);
    assertThat(APRIL_SUNDAY.fiscalYearStart(LocalDate.of(2026, 2, 10)))
        .isEqualTo(LocalDate.of(2025, 4, 1));
    // February is the 11th month of an April year, in its 4th quarter; April is month 1, Q1.
    assertThat(APRIL_SUNDAY.fiscalMonth(LocalDate.of(2026, 2, 10))).isEqualTo(11);
    assertThat(APRIL_SUNDAY.fiscalQuarter(LocalDate.of(2026, 2, 10))).isEqualTo(4);
    assertThat(APRIL_SUNDAY.fiscalQuarter(LocalDate.of(2025, 4, 30))).isEqualTo(1);
  }

  @Test
  void weeksStartOnTheConfiguredDay() {
    // 2025-11-19 is a Wednesday; the Sunday before is the 16th; a Sunday is its own week start.
    assertThat(APRIL_SUNDAY.weekStart(LocalDate.of(2025, 11, 19)))
        .isEqualTo(LocalDate.of(2025, 11, 16));
    assertThat(APRIL_SUNDAY.weekStart(LocalDate.of(2025, 11, 16)))
        .isEqualTo(LocalDate.of(2025, 11, 16));
  }

  @Test
  void rejectsAMonthOutOfRange() {
    assertThatThrownBy(() -> new FiscalCalendar(13, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstMonth must be 1 to 12, got 13");
  }

  @Test
  void dateDimensionRowsCarryCalendarAndFiscalAttributes() {
    var rows =
        DateDimension.rows(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 4, 2), APRIL_SUNDAY);
    assertThat(rows).hasSize(4);
    var april1 = rows.get(2);
    assertThat(april1.getInt(0)).isEqualTo(20250401);
    assertThat(april1.getInt(5)).isEqualTo(202504); // month_key
    assertThat(april1.getInt(8)).isEqualTo(2); // Tuesday
    assertThat(april1.getBoolean(9)).isFalse();
    assertThat(april1.getDate(10).toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 30));
    assertThat(april1.getInt(11)).isEqualTo(2026); // fiscal year
    assertThat(april1.getInt(14)).isEqualTo(1); // fiscal month
    assertThat(rows.get(0).getBoolean(9)).isTrue(); // 2025-03-30 is a Sunday
    assertThat(rows.get(0).getInt(11)).isEqualTo(2025);
  }
}
