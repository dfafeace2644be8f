package io.salesdw.generator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCompanyName {
  private static final City SHANGHAI = Cities.ALL.get(0);
  private static final CompanyName HUATAI =
      new CompanyName(
          SHANGHAI,
          new NamePart("华泰", "华泰", "Huatai", "Huatai"),
          new NamePart("医疗器械", "医疗", "Yiliao Qixie", "Medical Equipment"),
          new NamePart("有限公司", "", "Youxian Gongsi", "Co., Ltd."),
          false);

  @Test
  void rendersEveryVariantOfACompany() {
    Map<CompanyNameVariant, String> expected = new EnumMap<>(CompanyNameVariant.class);
    expected.put(CompanyNameVariant.CANONICAL, "上海华泰医疗器械有限公司");
    expected.put(CompanyNameVariant.SHORT, "上海华泰医疗");
    expected.put(CompanyNameVariant.NO_CITY, "华泰医疗器械有限公司");
    expected.put(CompanyNameVariant.CITY_IN_BRACKETS, "华泰医疗器械（上海）有限公司");
    expected.put(CompanyNameVariant.HALF_WIDTH_BRACKETS, "华泰医疗器械(上海)有限公司");
    expected.put(CompanyNameVariant.NO_SUFFIX, "上海华泰医疗器械");
    expected.put(CompanyNameVariant.SPACED, "上海 华泰医疗器械有限公司");
    expected.put(CompanyNameVariant.PINYIN, "Shanghai Huatai Yiliao Qixie Youxian Gongsi");
    expected.put(CompanyNameVariant.ENGLISH, "Shanghai Huatai Medical Equipment Co., Ltd.");
    expected.put(
        CompanyNameVariant.FULL_WIDTH_LATIN,
        "Ｓｈａｎｇｈａｉ\u3000Ｈｕａｔａｉ\u3000Ｍｅｄｉｃａｌ\u3000Ｅｑｕｉｐｍｅｎｔ\u3000Ｃｏ．，\u3000Ｌｔｄ．");
    for (CompanyNameVariant variant : CompanyNameVariant.values()) {
      assertThat(HUATAI.render(variant)).as(variant.name()).isEqualTo(expected.get(variant));
    }
    assertThat(HUATAI.canonical()).isEqualTo("上海华泰医疗器械有限公司");
  }

  @Test
  void rendersHospitalsWithoutLegalSuffix() {
    CompanyName hospital =
        new CompanyName(
            SHANGHAI,
            CompanyVocabulary.NO_CORE,
            CompanyVocabulary.HOSPITAL_TYPES.get(0),
            CompanyVocabulary.NO_CORE,
            true);
    assertThat(hospital.canonical()).isEqualTo("上海市第一人民医院");
    assertThat(hospital.render(CompanyNameVariant.SHORT)).isEqualTo("上海一院");
    assertThat(hospital.render(CompanyNameVariant.NO_CITY)).isEqualTo("第一人民医院");
    assertThat(hospital.render(CompanyNameVariant.ENGLISH))
        .isEqualTo("Shanghai First People's Hospital");
    assertThat(hospital.render(CompanyNameVariant.PINYIN))
        .isEqualTo("Shanghai Shi Diyi Renmin Yiyuan");
  }

  @Test
  void everyVariantOtherThanTheRegisteredNameDiffersFromIt() {
    for (CompanyName name :
        List.of(
            HUATAI,
            new CompanyName(
                SHANGHAI,
                CompanyVocabulary.NO_CORE,
                CompanyVocabulary.HOSPITAL_TYPES.get(5),
                CompanyVocabulary.NO_CORE,
                true))) {
      HashSet<String> rendered = new HashSet<>();
      for (CompanyNameVariant variant : CompanyNameVariant.values()) {
        if (variant != CompanyNameVariant.CANONICAL) {
          assertThat(name.render(variant)).as(variant.name()).isNotEqualTo(name.canonical());
        }
        rendered.add(name.render(variant));
      }
      assertThat(rendered).hasSizeGreaterThan(5);
    }
  }

  @Test
  void fullWidthMapsPrintableAsciiAndSpaces() {
    assertThat(FullWidth.of("AB 12(x)")).isEqualTo("ＡＢ\u3000１２（ｘ）");
    assertThat(FullWidth.of("华泰")).isEqualTo("华泰");
  }
}
