package io.salesdw.generator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everything the generator writes comes from this vocabulary, so all of it must be GBK text. */
class TestVocabulary {
  @Test
  void everyWordIsGbkEncodable() {
    CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
    List<String> words = new ArrayList<>();
    words.addAll(CompanyVocabulary.vocabulary());
    words.addAll(PersonNames.vocabulary());
    words.addAll(ChatPhrases.vocabulary());
    words.addAll(ActivityPhrases.vocabulary());
    words.addAll(Cities.REGION_NAMES);
    words.addAll(Cities.ROADS);
    for (City city : Cities.ALL) {
      words.add(city.name());
      words.addAll(city.districts());
    }
    for (String word : words) {
      assertThat(gbk.canEncode(word)).as(word).isTrue();
    }
    assertThat(words).hasSizeGreaterThan(500);
  }

  @Test
  void shortNotesAreUnderFifteenCharactersAndLongNotesAtLeastFifteen() {
    for (String note : ActivityPhrases.SHORT_ZH) {
      assertThat(note.codePointCount(0, note.length())).as(note).isLessThan(15);
    }
    for (String note : ActivityPhrases.SHORT_EN) {
      assertThat(note.length()).as(note).isLessThan(15);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      assertThat(ActivityPhrases.longNote(random, i % 2 == 0, i % 7 - 1).length())
          .isGreaterThanOrEqualTo(15);
    }
  }

  @Test
  void everyCityBelongsToAKnownRegion() {
    for (City city : Cities.ALL) {
      assertThat(Cities.REGION_NAMES).contains(city.regionName());
    }
    for (String region : Cities.REGION_NAMES) {
      assertThat(Cities.inRegion(region)).as(region).isNotEmpty();
    }
  }

  @Test
  void templatesFillTheirSlots() {
    String[] slots = new String[Template.Slot.values().length];
    java.util.Arrays.fill(slots, "?");
    slots[Template.Slot.CUSTOMER.ordinal()] = "王总";
    slots[Template.Slot.COMPETITOR.ordinal()] = "云启科技";
    assertThat(Template.of("{customer}，你们比{competitor}贵了").fill(slots)).isEqualTo("王总，你们比云启科技贵了");
    assertThat(Template.of("预算已批").fill(slots)).isEqualTo("预算已批");
  }
}
