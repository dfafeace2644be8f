package io.salesdw.generator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestChineseNewYear {
  @Test
  void matchesThePublishedSpringFestivalDates() {
    // From the official calendars of the years.
    Map<Integer, LocalDate> published =
        Map.of(
            2000, LocalDate.of(2000, 2, 5),
            2012, LocalDate.of(2012, 1, 23),
            2020, LocalDate.of(2020, 1, 25),
            2021, LocalDate.of(2021, 2, 12),
            2022, LocalDate.of(2022, 2, 1),
            2023, LocalDate.of(2023, 1, 22),
            2024, LocalDate.of(2024, 2, 10),
            2025, LocalDate.of(2025, 1, 29),
            2026, LocalDate.of(2026, 2, 17),
            2030, LocalDate.of(2030, 2, 3));
    published.forEach(
        (year, date) -> assertThat(ChineseNewYear.of(year)).as("%s", year).isEqualTo(date));
  }

  @Test
  void fallsBetweenTwentyFirstJanuaryAndTwentiethFebruaryEveryYear() {
    for (int year = 2000; year <= 2100; year++) {
      LocalDate date = ChineseNewYear.of(year);
      assertThat(date).isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
    }
  }
}
