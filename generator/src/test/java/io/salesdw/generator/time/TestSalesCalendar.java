package io.salesdw.generator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestSalesCalendar {
  private final SalesCalendar calendar = new SalesCalendar(2025);

  @Test
  void coversTheYearInChinaTime() {
    assertThat(calendar.days()).isEqualTo(365);
    assertThat(TimeText.crmTimestamp(calendar.start())).isEqualTo("2025-01-01 00:00:00");
    assertThat(TimeText.crmTimestamp(calendar.end())).isEqualTo("2026-01-01 00:00:00");
    assertThat(new SalesCalendar(2024).days()).isEqualTo(366);
  }

  @Test
  void knowsTheHolidays() {
    assertThat(calendar.springFestival()).isEqualTo(LocalDate.of(2025, 1, 29));
    assertThat(calendar.isWorkday(LocalDate.of(2025, 1, 30))).isFalse();
    assertThat(calendar.isWorkday(LocalDate.of(2025, 10, 3))).isFalse();
    assertThat(calendar.isWorkday(LocalDate.of(2025, 3, 5))).isTrue();
    assertThat(calendar.isWorkday(LocalDate.of(2025, 3, 8))).isFalse();
  }

  @Test
  void sampledDaysFollowTheSeasonAndStayInRange() {
    SplittableRandom random = new SplittableRandom(2);
    int[] months = new int[13];
    for (int i = 0; i < 20_000; i++) {
      int day = calendar.sampleDay(random.nextDouble());
      months[calendar.date(day).getMonthValue()]++;
      int bounded = calendar.sampleDay(random.nextDouble(), 40, 50);
      assertThat(bounded).isBetween(40, 49);
    }
    assertThat(months[2]).isLessThan(months[3]);
    assertThat(months[12]).isGreaterThan(months[2]);
  }

  @Test
  void snappingMovesNightsIntoWorkingHoursAndNeverBeforeTheBound() {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 10_000; i++) {
      long instant = calendar.start() + random.nextLong(300L * 86_400);
      long bound = instant - random.nextLong(3 * 3600);
      long snapped = SalesCalendar.snapToWorkingHours(instant, random.nextDouble(), bound);
      int hour = TimeText.chinaSecondOfDay(snapped) / 3600;
      assertThat(hour).isBetween(8, 20);
      assertThat(snapped).isGreaterThanOrEqualTo(bound);
    }
  }
}
