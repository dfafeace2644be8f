package io.salesdw.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestCompanyNameNormaliser {
  private final CompanyNameNormaliser normaliser = new CompanyNameNormaliser();

  @Test
  void stripsCityPrefixAndLegalSuffix() {
    NormalisedCompanyName name = normaliser.normalise("上海某某医疗器械有限公司");
    assertThat(name.place()).contains("上海");
    assertThat(name.core()).isEqualTo("某某医疗器械");
    assertThat(name.legalForm()).contains("limited");
    assertThat(name.latinScript()).isFalse();
  }

  @Test
  void shortNameKeepsCoreWithoutLegalForm() {
    NormalisedCompanyName name = normaliser.normalise("上海某某医疗");
    assertThat(name.place()).contains("上海");
    assertThat(name.core()).isEqualTo("某某医疗");
    assertThat(name.legalForm()).isEmpty();
    assertThat(name.legalFormCompatible(normaliser.normalise("上海某某医疗器械有限公司"))).isTrue();
  }

  @Test
  void bracketedPlaceFullOrHalfWidthIsThePlace() {
    for (String written : List.of("华泰医疗器械（上海）有限公司", "华泰医疗器械(上海)有限公司", "上海 华泰医疗器械有限公司")) {
      NormalisedCompanyName name = normaliser.normalise(written);
      assertThat(name.place()).as(written).contains("上海");
      assertThat(name.core()).as(written).isEqualTo("华泰医疗器械");
    }
  }

  @Test
  void groupAndJointStockAreDifferentLegalForms() {
    NormalisedCompanyName group = normaliser.normalise("北京天元精密制造集团有限公司");
    NormalisedCompanyName jointStock = normaliser.normalise("北京天元精密制造股份有限公司");
    assertThat(group.core()).isEqualTo(jointStock.core()).isEqualTo("天元精密制造");
    assertThat(group.legalForm()).contains("group");
    assertThat(jointStock.legalForm()).contains("joint_stock");
    assertThat(group.legalFormCompatible(jointStock)).isFalse();
  }

  @Test
  void cityWithShiBeforeHospitalType() {
    NormalisedCompanyName name = normaliser.normalise("上海市第一人民医院");
    assertThat(name.place()).contains("上海");
    assertThat(name.core()).isEqualTo("第一人民医院");
  }

  @Test
  void fullWidthLatinIsTheHalfWidthName() {
    NormalisedCompanyName fullWidth =
        normaliser.normalise("Ｓｈａｎｇｈａｉ　Ｈｕａｔａｉ　Ｍｅｄｉｃａｌ　Ｅｑｕｉｐｍｅｎｔ　Ｃｏ．，　Ｌｔｄ．");
    NormalisedCompanyName halfWidth =
        normaliser.normalise("Shanghai Huatai Medical Equipment Co., Ltd.");
    assertThat(fullWidth.latinScript()).isTrue();
    assertThat(fullWidth.place()).contains("上海");
    assertThat(fullWidth.core()).isEqualTo("huatai medical equipment");
    assertThat(fullWidth.legalForm()).contains("limited");
    assertThat(fullWidth)
        .usingRecursiveComparison()
        .ignoringFields("original")
        .isEqualTo(halfWidth);
  }

  @Test
  void pinyinNameRomanisesLikeTheChineseName() {
    NormalisedCompanyName pinyin =
        normaliser.normalise("Shanghai Huatai Yiliao Qixie Youxian Gongsi");
    NormalisedCompanyName chinese = normaliser.normalise("上海华泰医疗器械有限公司");
    assertThat(pinyin.place()).isEqualTo(chinese.place());
    assertThat(pinyin.legalForm()).isEqualTo(chinese.legalForm());
    assertThat(chinese.romanised()).containsExactly("hua", "tai", "yi", "liao", "qi", "xie");
    assertThat(pinyin.romanKey()).isEqualTo(chinese.romanKey()).isEqualTo("huataiyiliaoqixie");
  }

  @Test
  void englishNameKeepsBrandAsFirstWord() {
    NormalisedCompanyName english =
        normaliser.normalise("Shanghai Huatai Medical Equipment Joint Stock Co., Ltd.");
    assertThat(english.romanised()).containsExactly("huatai", "medical", "equipment");
    assertThat(english.legalForm()).contains("joint_stock");
    assertThat(english.place()).isEqualTo(Optional.of("上海"));
  }
}
