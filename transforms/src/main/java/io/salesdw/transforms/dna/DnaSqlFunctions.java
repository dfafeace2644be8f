package io.salesdw.transforms.dna;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.text.CustomerQuestionDetector;
import io.salesdw.transforms.text.SignalLexicon;
import io.salesdw.transforms.text.Speaker;
import io.salesdw.transforms.text.TextMetrics;
import io.salesdw.transforms.text.TranscriptTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL functions the process-DNA marts call, registered on a session by {@link #register}:
 *
 * <ul>
 *   <li>{@value #WORD_COUNT}{@code (text)}: the ICU word count of a note ({@link TextMetrics}),
 *       NULL for NULL;
 *   <li>{@value #TEXT_SIGNALS}{@code (text)}: a struct of {@value #SIGNALS_DDL}, the signals of one
 *       text ({@link SignalLexicon#standard()}), NULL for NULL;
 *   <li>{@value #TRANSCRIPT}{@code (turns)}: a struct of {@value #TRANSCRIPT_DDL} of a transcript
 *       parsed with {@code from_json(turns, '}{@value #TURNS_DDL}{@code ')} ({@link
 *       TranscriptSummary}), NULL for NULL.
 * </ul>
 *
 * The functions capture the (serialisable) text miners, so executors get their own copies.
 */
public final class DnaSqlFunctions {
  public static final String WORD_COUNT = "dna_word_count";
  public static final String TEXT_SIGNALS = "dna_text_signals";
  public static final String TRANSCRIPT = "dna_transcript";

  /** The type of a parsed {@code fact_call.turns}, for {@code from_json}. */
  public static final String TURNS_DDL =
      "array<struct<speaker:string,start_second:int,end_second:int,text:string>>";

  static final String SIGNALS_DDL =
      "decision_signals INT, price_objections INT, service_objections INT,"
          + " competitor_objections INT";
  static final String TRANSCRIPT_DDL =
      "rep_seconds BIGINT, customer_seconds BIGINT, customer_questions INT,"
          + " decision_signals INT, price_objections INT, service_objections INT,"
          + " competitor_objections INT, skipped_turns INT";

  private static final StructType SIGNALS_TYPE = StructType.fromDDL(SIGNALS_DDL);
  private static final StructType TRANSCRIPT_TYPE = StructType.fromDDL(TRANSCRIPT_DDL);

  private DnaSqlFunctions() {}

  /** Registers the functions (temporary, session-scoped) on {@code spark}. */
  public static void register(SparkSession spark) {
    requireNonNull(spark, "spark is null");
    TextMetrics metrics = new TextMetrics();
    SignalLexicon lexicon = SignalLexicon.standard();
    CustomerQuestionDetector questions = new CustomerQuestionDetector();
    spark
        .udf()
        .register(
            WORD_COUNT,
            (UDF1<String, Integer>) text -> text == null ? null : metrics.wordCount(text),
            DataTypes.IntegerType);
    spark
        .udf()
        .register(
            TEXT_SIGNALS,
            (UDF1<String, Row>)
                text -> text == null ? null : signalsRow(SignalCounts.of(lexicon.signals(text))),
            SIGNALS_TYPE);
    spark
        .udf()
        .register(
            TRANSCRIPT,
            (UDF1<scala.collection.Seq<Row>, Row>)
                turns ->
                    turns == null
                        ? null
                        : transcriptRow(
                            summarise(CollectionConverters.asJava(turns), questions, lexicon)),
            TRANSCRIPT_TYPE);
  }

  /** The summary of parsed turns (rows of {@link #TURNS_DDL}); malformed turns are skipped. */
  static TranscriptSummary summarise(
      List<Row> rows, CustomerQuestionDetector questions, SignalLexicon lexicon) {
    List<TranscriptTurn> turns = new ArrayList<>();
    int skipped = 0;
    for (Row row : rows) {
      Optional<TranscriptTurn> turn =
          row == null
              ? Optional.empty()
              : turn(
                  row.getAs("speaker"),
                  row.getAs("start_second"),
                  row.getAs("end_second"),
                  row.getAs("text"));
      if (turn.isPresent()) {
        turns.add(turn.get());
      } else {
        skipped++;
      }
    }
    return TranscriptSummary.of(turns, questions, lexicon).withSkippedTurns(skipped);
  }

  /**
   * One turn from a transcript's fields, or empty when it is malformed: no or unknown speaker,
   * missing or negative seconds, or an end before the start. A missing text is an empty text (the
   * turn's talk time still counts).
   */
  static Optional<TranscriptTurn> turn(String speaker, Integer start, Integer end, String text) {
    if (speaker == null || start == null || end == null || start < 0 || end < start) {
      return Optional.empty();
    }
    String role = speaker.strip().toLowerCase(Locale.ROOT);
    if (!role.equals("rep") && !role.equals("customer")) {
      return Optional.empty();
    }
    return Optional.of(
        new TranscriptTurn(Speaker.parse(role), start, end, text == null ? "" : text));
  }

  private static Row signalsRow(SignalCounts counts) {
    return RowFactory.create(
        counts.decisions(),
        counts.priceObjections(),
        counts.serviceObjections(),
        counts.competitorObjections());
  }

  private static Row transcriptRow(TranscriptSummary summary) {
    SignalCounts signals = summary.customerSignals();
    return RowFactory.create(
        summary.talk().repSeconds(),
        summary.talk().customerSeconds(),
        summary.talk().customerQuestions(),
        signals.decisions(),
        signals.priceObjections(),
        signals.serviceObjections(),
        signals.competitorObjections(),
        summary.skippedTurns());
  }
}
