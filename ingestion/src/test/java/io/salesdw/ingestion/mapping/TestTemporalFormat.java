package io.salesdw.ingestion.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestTemporalFormat {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @Test
  void rejectsDatesThatDoNotExist() {
    TemporalFormat format = TemporalFormat.compile("yyyy-MM-dd");
    assertThat(format.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> format.parseDate("2025-02-29"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("2025-02-29");
    assertThatThrownBy(() -> TemporalFormat.compile("MM/dd/yyyy").parseDate("13/01/2025"))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void readsMonthsAsTheirFirstDay() {
    assertThat(TemporalFormat.compile("yyyy-MM").parseDate("2025-04"))
        .isEqualTo(LocalDate.of(2025, 4, 1));
  }

  @Test
  void readsLocalTimesInTheSourceZone() {
    // Shanghai is UTC+8 all year.
    assertThat(
            TemporalFormat.compile("yyyy-MM-dd HH:mm:ss")
                .parseTimestamp("2025-03-04 10:15:00", SHANGHAI))
        .isEqualTo(Instant.parse("2025-03-04T02:15:00Z"));
    // Los Angeles switched to daylight time (UTC-7) at 02:00 on 2025-03-09; 01:30 was still UTC-8.
    TemporalFormat us = TemporalFormat.compile("MM/dd/yyyy h:mm a");
    assertThat(us.parseTimestamp("03/09/2025 1:30 AM", LOS_ANGELES))
        .isEqualTo(Instant.parse("2025-03-09T09:30:00Z"));
    assertThat(us.parseTimestamp("03/15/2025 4:45 PM", LOS_ANGELES))
        .isEqualTo(Instant.parse("2025-03-15T23:45:00Z"));
  }

  @Test
  void readsOffsetsAndEpochs() {
    TemporalFormat iso = TemporalFormat.compile(TemporalFormat.ISO);
    assertThat(iso.parseTimestamp("2025-03-01T10:00:00+08:00", LOS_ANGELES))
        .isEqualTo(Instant.parse("2025-03-01T02:00:00Z"));
    assertThat(iso.parseTimestamp("2025-03-01T10:00:00", SHANGHAI))
        .isEqualTo(Instant.parse("2025-03-01T02:00:00Z"));
    assertThat(
            TemporalFormat.compile(TemporalFormat.EPOCH_MILLIS)
                .parseTimestamp("1741055400123", SHANGHAI))
        .isEqualTo(Instant.ofEpochMilli(1_741_055_400_123L));
    assertThat(
            TemporalFormat.compile(TemporalFormat.EPOCH_SECONDS).parseTimestamp("86400", SHANGHAI))
        .isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
  }

  @Test
  void rejectsInvalidPatterns() {
    assertThatThrownBy(() -> TemporalFormat.compile("yyyy-MM-dd {"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
