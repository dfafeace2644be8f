package io.salesdw.generator.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestTextForms {
  @Test
  void jsonStringsRoundTripThroughJackson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (String value :
        new String[] {
          "plain", "quote \" and \\ backslash", "line\nbreak\r\ttab", "\u0001\u001f", "预算已批"
        }) {
      String json = JsonText.appendString(new StringBuilder(), value).toString();
      assertThat(mapper.readValue(json, String.class)).isEqualTo(value);
    }
    assertThat(JsonText.appendString(new StringBuilder(), null).toString()).isEqualTo("null");
  }

  @Test
  void moneyAndFixedPointAgreeWithBigDecimal() {
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 10_000; i++) {
      long fen = random.nextLong(10_000_000_000L);
      assertThat(Numbers.money(fen)).isEqualTo(BigDecimal.valueOf(fen, 2).toPlainString());
      double value = random.nextDouble() * 1000 - 500;
      assertThat(new BigDecimal(Numbers.fixed(value, 4)))
          .isEqualByComparingTo(BigDecimal.valueOf(Math.round(value * 10_000), 4));
    }
    assertThat(Numbers.fixed(0.05, 2)).isEqualTo("0.05");
    assertThat(Numbers.money(5)).isEqualTo("0.05");
  }
}
