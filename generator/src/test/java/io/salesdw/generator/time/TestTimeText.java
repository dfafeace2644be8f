package io.salesdw.generator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formatting agrees with java.time's formatters in Asia/Shanghai. */
class TestTimeText {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void agreesWithJavaTimeInShanghai() {
    DateTimeFormatter crm = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(SHANGHAI);
    DateTimeFormatter iso =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(SHANGHAI);
    DateTimeFormatter month = DateTimeFormatter.ofPattern("uuuu-MM").withZone(SHANGHAI);
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 5000; i++) {
      // 1995 to 2105: China has had no daylight saving since 1991.
      long second = 788_918_400L + random.nextLong(3_471_000_000L);
      Instant instant = Instant.ofEpochSecond(second);
      assertThat(TimeText.crmTimestamp(second)).isEqualTo(crm.format(instant));
      assertThat(TimeText.isoTimestamp(second)).isEqualTo(iso.format(instant));
      assertThat(TimeText.month(second)).isEqualTo(month.format(instant));
      assertThat(TimeText.date(second))
          .isEqualTo(instant.atZone(SHANGHAI).toLocalDate().toString());
    }
  }

  @Test
  void padsNumbers() {
    assertThat(TimeText.appendPadded(new StringBuilder(), 7, 3).toString()).isEqualTo("007");
    assertThat(TimeText.appendPadded(new StringBuilder(), 12345, 3).toString()).isEqualTo("12345");
  }
}
