package io.salesdw.transforms.text;

import static io.salesdw.transforms.text.SalesSignal.DECISION;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_COMPETITOR;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_PRICE;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestSignalLexicon {
  private static final SignalLexicon LEXICON = SignalLexicon.standard();

  @Test
  void loadsAllFourKindsFromTheBundledFiles() {
    assertThat(LEXICON.entries())
        .extracting(LexiconEntry::kind)
        .containsAll(EnumSet.allOf(SalesSignal.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "预算已批",
        "预算已经批下来了",
        "领导已经签字了",
        "我们这边基本确定用你们了",
        "采购那边已经在走流程",
        "这个月底前可以签",
        "项目已经立项了",
        "合同已经盖章了",
        "王总说预算下来了",
        "Budget is approved.",
        "My boss agreed.",
        "We can decide next week.",
        "Procurement has started the paperwork.",
        "We are ready to sign."
      })
  void findsDecisions(String text) {
    assertThat(LEXICON.signals(text).kinds()).containsExactly(DECISION);
  }

  @Test
  void reportsEachDecisionPhraseWithItsSpan() {
    // 院长那边同意了 and 下周能定 are two mentions, a comma apart.
    TextSignals signals = LEXICON.signals("院长那边同意了，下周能定");
    assertThat(signals.count(DECISION)).isEqualTo(2);
    assertThat(signals.matches())
        .containsExactly(
            new SignalMatch(DECISION, "boss-agreed", "院长那边同意了", 0, 7),
            new SignalMatch(DECISION, "decide-soon", "下周能定", 8, 12));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "预算还没批",
        "预算还没批下来",
        "预算尚未批准",
        "领导还没签字",
        "老板不同意",
        "不是下周能定",
        "还没决定用哪家",
        "合同还没盖章",
        "预算审批中，估计月底",
        "Budget is not approved yet.",
        "We haven't got the budget approved.",
        "We are not ready to sign.",
        "We can't decide next week."
      })
  void dropsNegatedDecisions(String text) {
    assertThat(LEXICON.signals(text).has(DECISION)).isFalse();
  }

  @Test
  void dropsOnlyTheDecisionInAQuestionClause() {
    assertThat(LEXICON.signals("预算批下来了吗？").has(DECISION)).isFalse();
    assertThat(LEXICON.signals("Is the budget approved?").has(DECISION)).isFalse();
    // The boss agreed (a statement); whether it is decided next week is asked.
    assertThat(LEXICON.signals("老板同意了，下周能定吗？").phrases(DECISION)).containsExactly("老板同意了");
  }

  @Test
  void aContrastEndsTheReachOfANegator() {
    TextSignals signals = LEXICON.signals("预算不够但老板同意了");
    assertThat(signals.phrases(DECISION)).containsExactly("老板同意了");
    assertThat(signals.phrases(OBJECTION_PRICE)).containsExactly("预算不够");
  }

  @Test
  void findsPriceObjections() {
    assertThat(LEXICON.signals("价格太高了").count(OBJECTION_PRICE)).isEqualTo(1);
    assertThat(LEXICON.signals("这个价格领导不会批的").count(OBJECTION_PRICE)).isEqualTo(1);
    // 预算不够 and 降点: the 不 of the A-not-A question 能不能 negates nothing.
    assertThat(LEXICON.signals("预算不够，能不能再降点").phrases(OBJECTION_PRICE))
        .containsExactly("预算不够", "降点");
    assertThat(LEXICON.signals("报价能不能再低一点？").phrases(OBJECTION_PRICE)).containsExactly("再低一点");
    assertThat(LEXICON.signals("The price is too high.").kinds()).containsExactly(OBJECTION_PRICE);
    assertThat(LEXICON.signals("That is over our budget.").kinds())
        .containsExactly(OBJECTION_PRICE);
    assertThat(LEXICON.signals("Can you give us a discount?").kinds())
        .containsExactly(OBJECTION_PRICE);
  }

  @Test
  void aPriceAgainstANamedCompetitorIsBothObjections() {
    TextSignals signals = LEXICON.signals("你们比云启科技贵了不少");
    assertThat(signals.kinds()).containsExactly(OBJECTION_PRICE, OBJECTION_COMPETITOR);
    assertThat(signals.phrases(OBJECTION_COMPETITOR)).containsExactly("云启科技");
  }

  @Test
  void ignoresNegatedOrNeutralPriceTalk() {
    assertThat(LEXICON.signals("价格不太贵").has(OBJECTION_PRICE)).isFalse();
    assertThat(LEXICON.signals("价格不高").has(OBJECTION_PRICE)).isFalse();
    assertThat(LEXICON.signals("价格方面我再跟领导申请一下").kinds()).isEmpty();
    assertThat(LEXICON.signals("It is not too expensive.").has(OBJECTION_PRICE)).isFalse();
  }

  @Test
  void findsServiceObjections() {
    assertThat(LEXICON.signals("你们的售后响应太慢了").kinds()).containsExactly(OBJECTION_SERVICE);
    assertThat(LEXICON.signals("上次报修等了三天才有人来").kinds()).containsExactly(OBJECTION_SERVICE);
    assertThat(LEXICON.signals("客服电话一直打不通").kinds()).containsExactly(OBJECTION_SERVICE);
    // Two complaints in two clauses: recurring faults, then slow after-sales.
    assertThat(LEXICON.signals("系统老是出问题，售后响应慢").count(OBJECTION_SERVICE)).isEqualTo(2);
    assertThat(LEXICON.signals("Your support is slow to respond.").count(OBJECTION_SERVICE))
        .isEqualTo(1);
    assertThat(LEXICON.signals("We waited three days for a technician.").kinds())
        .containsExactly(OBJECTION_SERVICE);
  }

  @Test
  void doesNotTakeServiceTopicsForComplaints() {
    assertThat(LEXICON.signals("售后我们是7x24小时响应").kinds()).isEmpty();
    assertThat(LEXICON.signals("实施周期一般是六到八周").kinds()).isEmpty();
    assertThat(LEXICON.signals("Our support team responds 24/7.").kinds()).isEmpty();
  }

  @Test
  void findsCompetitorObjections() {
    // 在对比 + 竞品 touch: one mention; the second clause names 竞品 again, and its cheaper
    // quote is a price objection.
    TextSignals signals = LEXICON.signals("客户在对比竞品方案，竞品报价更低");
    assertThat(signals.phrases(OBJECTION_COMPETITOR)).containsExactly("在对比竞品", "竞品");
    assertThat(signals.phrases(OBJECTION_PRICE)).containsExactly("报价更低");
    // Real notes: the other vendor undercuts us; several vendors are being weighed.
    assertThat(LEXICON.signals("客户说别家报价比我们低两成").kinds())
        .containsExactly(OBJECTION_PRICE, OBJECTION_COMPETITOR);
    assertThat(LEXICON.signals("客户说还要和其他几家厂商比一比").count(OBJECTION_COMPETITOR)).isEqualTo(1);
    assertThat(LEXICON.signals("客户现在比较忙，下周再约").kinds()).isEmpty();
    assertThat(LEXICON.signals("友商给的价格更低").kinds())
        .containsExactly(OBJECTION_PRICE, OBJECTION_COMPETITOR);
    // "also talking to" and "another vendor" are a space apart: one mention.
    assertThat(
            LEXICON.signals("We are also talking to another vendor.").count(OBJECTION_COMPETITOR))
        .isEqualTo(1);
    assertThat(LEXICON.signals("客户提到之前的供应商售后响应慢").kinds())
        .containsExactly(OBJECTION_SERVICE, OBJECTION_COMPETITOR);
  }

  @Test
  void matchesFullWidthAndUpperCaseText() {
    TextSignals signals = LEXICON.signals("ＢＵＤＧＥＴ　ＩＳ　ＡＰＰＲＯＶＥＤ！");
    assertThat(signals.phrases(DECISION)).containsExactly("budget is approved");
    assertThat(LEXICON.signals("Ｙｕｎｑｉ　Ｔｅｃｈ quoted lower").kinds())
        .containsExactly(OBJECTION_PRICE, OBJECTION_COMPETITOR);
    // The full-width question mark is a question mark: the decision is asked, not stated.
    assertThat(LEXICON.signals("ＢＵＤＧＥＴ ＡＰＰＲＯＶＥＤ？").has(DECISION)).isFalse();
  }

  @Test
  void addsCompetitorNamesAsWholeWords() {
    SignalLexicon lexicon = LEXICON.withCompetitorNames(List.of("Acme Cloud", "华信软件"));
    assertThat(lexicon.signals("华信软件的方案").phrases(OBJECTION_COMPETITOR)).containsExactly("华信软件");
    assertThat(lexicon.signals("We also use ＡＣＭＥ Cloud").phrases(OBJECTION_COMPETITOR))
        .containsExactly("acme cloud");
    assertThat(lexicon.signals("acme cloudy").has(OBJECTION_COMPETITOR)).isFalse();
    assertThat(LEXICON.signals("华信软件的方案").kinds()).isEmpty();
  }

  @Test
  void parsesALexiconAndReportsEveryInvalidLine() {
    SignalLexicon parsed = SignalLexicon.parse("test.tsv", "# comment\n\nDECISION\tok\t可以签了\n");
    assertThat(parsed.entries()).containsExactly(new LexiconEntry(DECISION, "ok", "可以签了"));

    String tsv =
        String.join(
            "\n",
            "DECISION\tok\t可以签了",
            "WIN\tunknown-kind\t签了",
            "DECISION\tbad-regex\t(签了",
            "DECISION\tupper-case\tBudget approved",
            "DECISION\tfull-width\t可以签？",
            "DECISION\ttwo-fields",
            "DECISION\tempty-match\t(?:签了)?");
    assertThatThrownBy(() -> SignalLexicon.parse("custom.tsv", tsv))
        .isInstanceOf(SalesdwException.class)
        .satisfies(e -> assertThat(((SalesdwException) e).kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageContaining("custom.tsv has 6 invalid lexicon line(s)")
        .hasMessageContaining("line 2: unknown kind 'WIN'")
        .hasMessageContaining("line 3: pattern '(签了' is not a valid regular expression")
        .hasMessageContaining("line 4: pattern 'Budget approved' is not in lower-case")
        .hasMessageContaining("write it as 'budget approved'")
        .hasMessageContaining("line 5: pattern '可以签？' is not in lower-case, half-width")
        .hasMessageContaining("line 6: 2 tab-separated field(s) instead of 3")
        .hasMessageContaining("line 7: pattern '(?:签了)?' matches the empty text");
  }

  @Test
  void survivesSerialisationForSparkUdfs() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(LEXICON);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      SignalLexicon copy = (SignalLexicon) in.readObject();
      assertThat(copy.entries()).isEqualTo(LEXICON.entries());
      assertThat(copy.signals("价格太高了，竞品报价更低").kinds())
          .containsExactly(OBJECTION_PRICE, OBJECTION_COMPETITOR);
    }
  }
}
