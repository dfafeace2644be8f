package io.salesdw.generator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestPersonNames {
  @Test
  void namesHaveChineseEnglishAndLoginForms() {
    PersonName name = new PersonName("王", "小明", "Wang", "Xiaoming");
    assertThat(name.chinese()).isEqualTo("王小明");
    assertThat(name.english()).isEqualTo("Xiaoming Wang");
    assertThat(name.pinyin()).isEqualTo("Wang Xiaoming");
    assertThat(name.login()).isEqualTo("wangxiaoming");
  }

  @Test
  void randomNamesAreTwoToFourCharacters() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 1000; i++) {
      PersonName name = PersonNames.random(random);
      assertThat(name.chinese().length()).isBetween(2, 4);
      assertThat(name.login()).matches("[a-z]+");
    }
  }
}
