package io.salesdw.transforms.dna;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.transforms.text.CustomerQuestionDetector;
import io.salesdw.transforms.text.SignalLexicon;
import io.salesdw.transforms.text.Speaker;
import io.salesdw.transforms.text.TranscriptTurn;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TestDnaSqlFunctions {
  private static final StructType TURN =
      StructType.fromDDL("speaker STRING, start_second INT, end_second INT, text STRING");

  private static Row turn(String speaker, Integer start, Integer end, String text) {
    return new GenericRowWithSchema(new Object[] {speaker, start, end, text}, TURN);
  }

  @Test
  void parsesWellFormedTurns() {
    assertThat(DnaSqlFunctions.turn(" Customer ", 5, 9, null))
        .contains(new TranscriptTurn(Speaker.CUSTOMER, 5, 9, ""));
    assertThat(DnaSqlFunctions.turn("rep", 0, 0, "hi"))
        .contains(new TranscriptTurn(Speaker.REP, 0, 0, "hi"));
  }

  @Test
  void rejectsMalformedTurns() {
    assertThat(DnaSqlFunctions.turn(null, 0, 1, "x")).isEmpty();
    assertThat(DnaSqlFunctions.turn("interpreter", 0, 1, "x")).isEmpty();
    assertThat(DnaSqlFunctions.turn("rep", null, 1, "x")).isEmpty();
    assertThat(DnaSqlFunctions.turn("rep", 0, null, "x")).isEmpty();
    assertThat(DnaSqlFunctions.turn("rep", -1, 1, "x")).isEmpty();
    assertThat(DnaSqlFunctions.turn("rep", 5, 4, "x")).isEmpty();
  }

  @Test
  void summarisesCustomerTurnsOnly() {
    List<Row> rows =
        Arrays.asList(
            turn("rep", 0, 20, "这个折扣已经是这个季度最低了"),
            turn("customer", 20, 30, "太贵了，预算已批。能开专票吗？"),
            turn("interpreter", 0, 100, "..."),
            null);
    TranscriptSummary summary =
        DnaSqlFunctions.summarise(rows, new CustomerQuestionDetector(), SignalLexicon.standard());
    // The rep spoke 20 s, the customer 10 s; the interpreter's turn and the null row are skipped.
    assertThat(summary.talk().repSeconds()).isEqualTo(20);
    assertThat(summary.talk().customerSeconds()).isEqualTo(10);
    assertThat(summary.skippedTurns()).isEqualTo(2);
    // 能开专票吗 is the one question; 太贵 a price objection, 预算已批 a decision; the rep's 折扣
    // line would be a price objection too, but it is the rep's.
    assertThat(summary.talk().customerQuestions()).isEqualTo(1);
    assertThat(summary.customerSignals()).isEqualTo(new SignalCounts(1, 1, 0, 0));
  }

  @Test
  void addsCounts() {
    assertThat(new SignalCounts(1, 2, 3, 4).plus(new SignalCounts(1, 0, 0, 1)))
        .isEqualTo(new SignalCounts(2, 2, 3, 5));
    assertThat(SignalCounts.NONE.plus(SignalCounts.NONE)).isEqualTo(SignalCounts.NONE);
    assertThat(RowFactory.create(1).size()).isEqualTo(1);
  }
}
