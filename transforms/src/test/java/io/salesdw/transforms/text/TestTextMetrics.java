package io.salesdw.transforms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TestTextMetrics {
  private final TextMetrics metrics = new TextMetrics();

  @Test
  void countsChineseWordsAsAReaderSegmentsThem() {
    // 预算 / 已经 / 批 / 了 / 下周 / 能 / 定: the comma is no word. A Chinese reader segments it
    // the same way, and ICU's dictionary agrees.
    assertThat(metrics.words("预算已经批了，下周能定")).containsExactly("预算", "已经", "批", "了", "下周", "能", "定");
    assertThat(metrics.wordCount("预算已经批了，下周能定")).isEqualTo(7);
    // 客户 / 说 / 老板 / 同意 / 了 / 下周 / 能 / 定: two commas and the full stop are skipped.
    assertThat(metrics.wordCount("客户说老板同意了，下周能定。")).isEqualTo(8);
  }

  @Test
  void followsIcuWhereItsDictionaryLacksSalesJargon() {
    // A reader sees 价格 / 太高 / 了 / 竞品 / 报价 / 更低 (6), but ICU's dictionary has no 竞品
    // ("competing product", sales jargon) and splits it into 竞 / 品, giving 7. We keep ICU's
    // segmentation: a word count is a note-length measure, and a rule-based fix for single
    // words would make counts differ from ICU's everywhere else.
    assertThat(metrics.words("价格太高了，竞品报价更低"))
        .containsExactly("价格", "太高", "了", "竞", "品", "报价", "更低");
    // Likewise 对接 (to interface with) is 对 / 接 for ICU: 10 segments where a reader counts 9.
    assertThat(metrics.wordCount("你们的系统能和现有系统对接吗？")).isEqualTo(10);
  }

  @Test
  void countsEnglishWordsAndNumbers() {
    // We / can't / decide / next / week / it's / 3.5 / days: contractions are one word, the
    // decimal number is one word, the comma and the full stop are none.
    assertThat(metrics.wordCount("We can't decide next week, it's 3.5 days.")).isEqualTo(8);
    assertThat(metrics.wordCount("Budget is approved.")).isEqualTo(3);
  }

  @Test
  void countsMixedAndFullWidthTextTheSameWay() {
    // 能 / 和 / HIS / 系统 / 对 / 接 / 吗: the Latin run is one word inside the Chinese text.
    assertThat(metrics.words("能和HIS系统对接吗？")).containsExactly("能", "和", "HIS", "系统", "对", "接", "吗");
    // 售 / 后 / 我们 / 是 / 7x24 / 小时 / 响应: ICU splits 售后 too; 7x24 is one token.
    assertThat(metrics.wordCount("售后我们是7x24小时响应")).isEqualTo(7);
    // Full-width letters and digits are words as they are: ＡＢＣ / 公司 / 预算 / １００ / 万.
    assertThat(metrics.wordCount("ＡＢＣ公司，预算１００万")).isEqualTo(5);
  }

  @Test
  void countsNothingInEmptyOrPunctuationOnlyText() {
    assertThat(metrics.wordCount("")).isZero();
    assertThat(metrics.wordCount("。，！？ ...")).isZero();
  }

  @Test
  void rejectsNullText() {
    assertThatThrownBy(() -> metrics.wordCount(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text is null");
  }

  @Test
  void survivesSerialisationForSparkUdfs() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(metrics);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TextMetrics copy = (TextMetrics) in.readObject();
      assertThat(copy.wordCount("预算已经批了，下周能定")).isEqualTo(7);
    }
  }
}
