package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Who did the talking in a recorded call: the seconds the rep and the customer spoke, their shares
 * of the talk time, and how many questions the customer asked.
 *
 * <p>A speaker's talk time is the sum of the lengths ({@code end_second - start_second}) of their
 * turns; a share is that time over the sum of both speakers' times. Overlapping turns (people
 * talking over each other) count for both speakers, and silence between turns counts for neither,
 * so the two shares always add up to 1. The customer's questions are counted in the customer's
 * turns only, by {@link CustomerQuestionDetector}.
 */
public record TalkShare(long repSeconds, long customerSeconds, int customerQuestions)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TalkShare {
    if (repSeconds < 0 || customerSeconds < 0 || customerQuestions < 0) {
      throw new IllegalArgumentException(
          String.format(
              "negative talk share: repSeconds=%d, customerSeconds=%d, customerQuestions=%d",
              repSeconds, customerSeconds, customerQuestions));
    }
  }

  /** The talk share of a transcript's turns, in any order. */
  public static TalkShare of(List<TranscriptTurn> turns, CustomerQuestionDetector questions) {
    requireNonNull(turns, "turns is null");
    requireNonNull(questions, "questions is null");
    long repSeconds = 0;
    long customerSeconds = 0;
    int customerQuestions = 0;
    for (TranscriptTurn turn : turns) {
      requireNonNull(turn, "turn is null");
      if (turn.speaker() == Speaker.REP) {
        repSeconds += turn.durationSeconds();
      } else {
        customerSeconds += turn.durationSeconds();
        customerQuestions += questions.countQuestions(turn.text());
      }
    }
    return new TalkShare(repSeconds, customerSeconds, customerQuestions);
  }

  /** Both speakers' talk time in seconds. */
  public long talkSeconds() {
    return repSeconds + customerSeconds;
  }

  /** The rep's share of the talk time in [0, 1]; empty when nobody spoke for a second. */
  public OptionalDouble repShare() {
    return share(repSeconds);
  }

  /** The customer's share of the talk time in [0, 1]; empty when nobody spoke for a second. */
  public OptionalDouble customerShare() {
    return share(customerSeconds);
  }

  private OptionalDouble share(long seconds) {
    long total = talkSeconds();
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) seconds / total);
  }
}
