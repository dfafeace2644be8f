package io.salesdw.generator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestCreditCodes {
  @Test
  void acceptsTheStandardsOwnExample() {
    // The sample code printed in GB 32100-2015.
    assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
    assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
    assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
  }

  @Test
  void generatedCodesAreValidAndCarryTheDivision() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      String code = CreditCodes.random(random, "310104", "91");
      assertThat(code).hasSize(18).startsWith("91310104").matches("[0-9A-HJ-NPQRTUWXY]{18}");
      assertThat(CreditCodes.isValid(code)).as(code).isTrue();
      char[] corrupted = code.toCharArray();
      corrupted[12] = corrupted[12] == '0' ? '1' : '0';
      assertThat(CreditCodes.isValid(new String(corrupted))).isFalse();
    }
  }
}
