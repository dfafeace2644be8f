package io.salesdw.transforms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestCustomerQuestionDetector {
  private final CustomerQuestionDetector detector = new CustomerQuestionDetector();

  @Test
  void countsEverySentenceClosedByAQuestionMark() {
    assertThat(detector.countQuestions("价格大概多少？能开专票吗？")).isEqualTo(2);
    assertThat(detector.countQuestions("How long does implementation take? What is the price?"))
        .isEqualTo(2);
    // A run of terminators closes one sentence.
    assertThat(detector.countQuestions("真的吗?!")).isEqualTo(1);
    assertThat(detector.countQuestions("真的吗？？？")).isEqualTo(1);
  }

  @Test
  void countsSentenceFinalParticlesWithoutQuestionMark() {
    assertThat(detector.countQuestions("能开专票吗")).isEqualTo(1);
    assertThat(detector.countQuestions("是这样么~")).isEqualTo(1);
    assertThat(detector.countQuestions("那售后呢")).isEqualTo(1);
    // 呢 after a progressive marker states, it does not ask.
    assertThat(detector.countQuestions("还在开会呢")).isZero();
    // 这么 / 那么 end in 么 without asking.
    assertThat(detector.countQuestions("就这么")).isZero();
  }

  @Test
  void countsChineseInterrogativeWords() {
    assertThat(detector.countQuestions("报价能不能再低一点")).isEqualTo(1);
    assertThat(detector.countQuestions("续费的合同什么时候发过来")).isEqualTo(1);
    assertThat(detector.countQuestions("有没有同类客户的案例")).isEqualTo(1);
    // A note reporting the customer's question counts: it records one.
    assertThat(detector.countQuestions("客户问交付周期能不能压缩到一个月。约了下周现场演示。")).isEqualTo(1);
  }

  @Test
  void ignoresInterrogativeWordsThatDoNotAsk() {
    assertThat(detector.countQuestions("没什么问题")).isZero();
    assertThat(detector.countQuestions("也不怎么贵")).isZero();
    assertThat(detector.countQuestions("系统老是出问题，售后响应慢")).isZero();
    // An exclamation is never a question, whatever words it holds.
    assertThat(detector.countQuestions("怎么这么贵！")).isZero();
  }

  @Test
  void countsEnglishQuestionsByTheirOpeningWords() {
    assertThat(detector.countQuestions("Can we try it first")).isEqualTo(1);
    // The title's full stop does not end the sentence, the clause after the comma asks.
    assertThat(detector.countQuestions("Hi Mr. Wei, can you send the quote")).isEqualTo(1);
    assertThat(detector.countQuestions("Will call back")).isZero();
    assertThat(detector.countQuestions("Thanks, Mr. Wei.")).isZero();
  }

  @Test
  void keepsDecimalsAndFileNamesInOneSentence() {
    assertThat(detector.questions("版本v2.5的报价单.xlsx发您了，价格多少合适?"))
        .containsExactly("版本v2.5的报价单.xlsx发您了,价格多少合适");
  }

  @Test
  void readsFullWidthText() {
    assertThat(detector.countQuestions("ＣＡＮ　ＷＥ　ＴＲＹ　ＩＴ　ＦＩＲＳＴ？")).isEqualTo(1);
    assertThat(detector.questions("好的。价格多少？")).containsExactly("价格多少");
  }

  @Test
  void sumsOverTurns() {
    // 价格多少？ (1) + 好的 (0) + 培训免费吗 (1).
    assertThat(detector.countQuestions(List.of("价格多少？", "好的", "培训免费吗"))).isEqualTo(2);
    assertThat(detector.countQuestions(List.of())).isZero();
  }

  @Test
  void countsNothingInEmptyText() {
    assertThat(detector.countQuestions("")).isZero();
    assertThat(detector.countQuestions("？？")).isZero();
  }

  @Test
  void rejectsNullTexts() {
    assertThatThrownBy(() -> detector.countQuestions((List<String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("texts is null");
  }
}
