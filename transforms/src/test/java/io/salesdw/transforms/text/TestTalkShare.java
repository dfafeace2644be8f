package io.salesdw.transforms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTalkShare {
  private final CustomerQuestionDetector questions = new CustomerQuestionDetector();

  @Test
  void sharesTalkTimeBetweenRepAndCustomer() {
    List<TranscriptTurn> turns =
        List.of(
            new TranscriptTurn(Speaker.REP, 0, 30, "王总您好，我是瑞云科技的小李"),
            new TranscriptTurn(Speaker.CUSTOMER, 31, 51, "价格大概多少？能开专票吗？"),
            new TranscriptTurn(Speaker.REP, 52, 100, "报价单我发您邮箱了。您看周二方便吗？"));
    TalkShare share = TalkShare.of(turns, questions);
    // Rep: (30 - 0) + (100 - 52) = 78 s; customer: 51 - 31 = 20 s; the 1 s pauses count for
    // nobody. Shares: 78 / 98 and 20 / 98.
    assertThat(share.repSeconds()).isEqualTo(78);
    assertThat(share.customerSeconds()).isEqualTo(20);
    assertThat(share.talkSeconds()).isEqualTo(98);
    assertThat(share.repShare().orElseThrow()).isCloseTo(78.0 / 98.0, within(1e-12));
    assertThat(share.customerShare().orElseThrow()).isCloseTo(20.0 / 98.0, within(1e-12));
    // Two questions in the customer's turn; the rep's 方便吗？ is not the customer's.
    assertThat(share.customerQuestions()).isEqualTo(2);
  }

  @Test
  void countsOverlappingSpeechForBothSpeakers() {
    TalkShare share =
        TalkShare.of(
            List.of(
                new TranscriptTurn(Speaker.REP, 0, 10, "这个折扣已经是最低了"),
                new TranscriptTurn(Speaker.CUSTOMER, 5, 15, "能不能再降点")),
            questions);
    // 10 s each although the call lasted 15 s: each speaker has half of the talk time.
    assertThat(share.repShare().orElseThrow()).isEqualTo(0.5);
    assertThat(share.customerShare().orElseThrow()).isEqualTo(0.5);
    assertThat(share.customerQuestions()).isEqualTo(1);
  }

  @Test
  void hasNoShareWithoutTalk() {
    TalkShare share = TalkShare.of(List.of(), questions);
    assertThat(share.talkSeconds()).isZero();
    assertThat(share.repShare()).isEmpty();
    assertThat(share.customerShare()).isEmpty();
  }

  @Test
  void parsesSpeakers() {
    assertThat(Speaker.parse("rep")).isEqualTo(Speaker.REP);
    assertThat(Speaker.parse(" Customer ")).isEqualTo(Speaker.CUSTOMER);
    assertThatThrownBy(() -> Speaker.parse("manager"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown speaker 'manager': expected 'rep' or 'customer'");
  }

  @Test
  void validatesTurns() {
    assertThatThrownBy(() -> new TranscriptTurn(Speaker.REP, 10, 9, "好的"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endSecond 9 is before startSecond 10");
    assertThatThrownBy(() -> new TranscriptTurn(Speaker.REP, -1, 9, "好的"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startSecond is negative: -1");
    assertThatThrownBy(() -> new TranscriptTurn(null, 0, 9, "好的"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("speaker is null");
    assertThatThrownBy(() -> new TalkShare(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative talk share: repSeconds=-1, customerSeconds=0, customerQuestions=0");
  }
}
