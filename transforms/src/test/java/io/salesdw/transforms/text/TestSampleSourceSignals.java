package io.salesdw.transforms.text;

import static io.salesdw.transforms.text.SalesSignal.DECISION;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_COMPETITOR;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_PRICE;
import static io.salesdw.transforms.text.SalesSignal.OBJECTION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the standard lexicon over lines copied verbatim from a generated organisation (scale 0.1,
 * {@code crm/activities.csv}, {@code chat/messages-2025-03.jsonl}, {@code chat/calls.jsonl}). The
 * expected counts were worked out by reading each line; the comments list them line by line.
 */
class TestSampleSourceSignals {
  private static final SignalLexicon LEXICON = SignalLexicon.standard();
  private static final CustomerQuestionDetector QUESTIONS = new CustomerQuestionDetector();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void activitySummaries() throws IOException {
    List<String> summaries = new ArrayList<>();
    try (Reader reader = resource("sample-activities.csv")) {
      for (CSVRecord row :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        summaries.add(row.get("summary"));
      }
    }
    assertThat(summaries).hasSize(14);
    // ACT0000009 预算已批: D1. ACT0000013 老板同意了 | 下周能定: D2.
    // ACT0000081 在对比竞品 | 竞品: C2; 报价更低: P1. ACT0000021 之前的供应商: C1; 售后响应慢: S1.
    // ACT0000003 关心价格, 优惠, 特价: P3. ACT0000040 周期能不能压缩: S1, and 能不能 asks: Q1.
    // ACT0000005, ACT0000001 (决策人没到场 is no decision): nothing.
    // ACT0000064 "budget approved": D1. ACT0000290 comparing us with | competitor: C2; cheaper: P1.
    // ACT0000315 previous vendor: C1; support was slow: S1.
    // ACT0000394 care most about price | discount: P2. ACT0000002, ACT0000150: nothing.
    assertThat(totals(summaries))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(DECISION, 4, OBJECTION_PRICE, 7, OBJECTION_SERVICE, 3, OBJECTION_COMPETITOR, 6));
    assertThat(QUESTIONS.countQuestions(summaries)).isEqualTo(1);
  }

  @Test
  void chatMessages() throws IOException {
    List<String> customerTexts = new ArrayList<>();
    List<String> allTexts = new ArrayList<>();
    try (Reader reader = resource("sample-messages.jsonl")) {
      for (String line : new BufferedReader(reader).lines().toList()) {
        JsonNode message = JSON.readTree(line);
        String text = message.path("text").path("content").asText();
        allTexts.add(text);
        // External contacts' ids start with wm; reps use their WeCom user id.
        if (message.path("from").asText().startsWith("wm")) {
          customerTexts.add(text);
        }
      }
    }
    assertThat(allTexts).hasSize(20);
    assertThat(customerTexts).hasSize(19);
    // 预算已经批下来了 D1; 院长那边同意了 | 下周能定 D2; 价格太高了 | 报价更低 P2 + 竞品 C1;
    // 比领航智能贵 P1 + 领航智能 C1; 预算不够 | 降点 P2 (and 能不能 asks, Q1); 领航智能也在跟我们谈 C1;
    // 在对比领航智能 C1; 老是出问题 | 售后响应慢 S2; 客服电话一直打不通 S1; the rep's 折扣 P1;
    // 价格大概多少？ Q1; 培训是免费的吗？ Q1; 好的，我看一下 nothing; Yunqi Tech C1 + quoted lower P1;
    // support is slow to respond S1; What is the price range? Q1; Does the price include tax? Q1;
    // comparing with Yunqi Tech C1; 价格领导不会批 P1; 走流程 D1.
    assertThat(totals(allTexts))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(DECISION, 4, OBJECTION_PRICE, 8, OBJECTION_SERVICE, 4, OBJECTION_COMPETITOR, 6));
    // Without the rep's discount line.
    assertThat(totals(customerTexts).get(OBJECTION_PRICE)).isEqualTo(7);
    assertThat(QUESTIONS.countQuestions(customerTexts)).isEqualTo(5);
  }

  @Test
  void callTranscripts() throws IOException {
    List<TalkShare> shares = new ArrayList<>();
    List<String> customerTurns = new ArrayList<>();
    try (Reader reader = resource("sample-calls.jsonl")) {
      for (String line : new BufferedReader(reader).lines().toList()) {
        List<TranscriptTurn> turns = new ArrayList<>();
        for (JsonNode turn : JSON.readTree(line).path("turns")) {
          TranscriptTurn parsed =
              new TranscriptTurn(
                  Speaker.parse(turn.path("speaker").asText()),
                  turn.path("start_second").asInt(),
                  turn.path("end_second").asInt(),
                  turn.path("text").asText());
          turns.add(parsed);
          if (parsed.speaker() == Speaker.CUSTOMER) {
            customerTurns.add(parsed.text());
          }
        }
        shares.add(TalkShare.of(turns, QUESTIONS));
      }
    }
    // CALL000179: rep 0-56, 84-113, 202-273 = 56 + 29 + 71 = 156 s; customer 56-84, 113-200,
    // 274-301 = 28 + 87 + 27 = 142 s; one question (对接吗？).
    // CALL000387: rep 0-32, 89-145, 171-178 = 32 + 56 + 7 = 95 s; customer 33-87, 145-171 =
    // 54 + 26 = 80 s; one question (能不能再降点).
    // CALL001102: rep 0-46, 69-89, 140-171 = 46 + 20 + 31 = 97 s; customer 46-69, 90-138 =
    // 23 + 48 = 71 s; no question.
    assertThat(shares)
        .containsExactly(
            new TalkShare(156, 142, 1), new TalkShare(95, 80, 1), new TalkShare(97, 71, 0));
    assertThat(shares.get(1).repShare().orElseThrow()).isCloseTo(95.0 / 175.0, within(1e-12));
    // Customer turns: 预算已批 D1; 预算不够 | 降点 P2; 这个月底前可以签 D1; 基本确定用 D1.
    assertThat(totals(customerTurns))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(DECISION, 3, OBJECTION_PRICE, 2, OBJECTION_SERVICE, 0, OBJECTION_COMPETITOR, 0));
  }

  private static Map<SalesSignal, Integer> totals(List<String> texts) {
    Map<SalesSignal, Integer> totals = new EnumMap<>(SalesSignal.class);
    for (SalesSignal kind : SalesSignal.values()) {
      totals.put(kind, 0);
    }
    for (String text : texts) {
      TextSignals signals = LEXICON.signals(text);
      for (SalesSignal kind : SalesSignal.values()) {
        totals.merge(kind, signals.count(kind), Integer::sum);
      }
    }
    return totals;
  }

  private static Reader resource(String name) {
    InputStream in = TestSampleSourceSignals.class.getResourceAsStream(name);
    assertThat(in).as("test resource %s", name).isNotNull();
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
