package io.salesdw.transforms.dna;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.text.CustomerQuestionDetector;
import io.salesdw.transforms.text.SignalLexicon;
import io.salesdw.transforms.text.Speaker;
import io.salesdw.transforms.text.TalkShare;
import io.salesdw.transforms.text.TranscriptTurn;
import java.io.Serializable;
import java.util.List;

/**
 * What the process-DNA mart takes from one call or meeting transcript: who talked how long, how
 * many questions the customer asked, and the signals in the customer's words.
 *
 * @param talk the rep's and the customer's talk time and the customer's questions
 * @param customerSignals decision and objection signals in the customer's turns only (a rep's
 *     {@code 这个折扣已经是最低了} is not a price objection)
 * @param skippedTurns turns left out because they were malformed (no or unknown speaker, missing or
 *     negative seconds, an end before the start)
 */
public record TranscriptSummary(TalkShare talk, SignalCounts customerSignals, int skippedTurns)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TranscriptSummary {
    requireNonNull(talk, "talk is null");
    requireNonNull(customerSignals, "customerSignals is null");
    if (skippedTurns < 0) {
      throw new IllegalArgumentException("skippedTurns is negative: " + skippedTurns);
    }
  }

  /** The summary of well-formed turns; see {@link TalkShare#of} for the talk-time rules. */
  public static TranscriptSummary of(
      List<TranscriptTurn> turns, CustomerQuestionDetector questions, SignalLexicon lexicon) {
    requireNonNull(turns, "turns is null");
    requireNonNull(lexicon, "lexicon is null");
    SignalCounts signals = SignalCounts.NONE;
    for (TranscriptTurn turn : turns) {
      if (turn.speaker() == Speaker.CUSTOMER) {
        signals = signals.plus(SignalCounts.of(lexicon.signals(turn.text())));
      }
    }
    return new TranscriptSummary(TalkShare.of(turns, questions), signals, 0);
  }

  /** This summary with {@code count} more malformed turns noted as skipped. */
  TranscriptSummary withSkippedTurns(int count) {
    return new TranscriptSummary(talk, customerSignals, skippedTurns + count);
  }
}
