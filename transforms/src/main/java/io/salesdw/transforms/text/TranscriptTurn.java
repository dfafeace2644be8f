package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One speaker turn of a call or meeting transcript ({@code calls.jsonl} {@code turns}): who spoke,
 * from which second to which second of the recording, and what was said.
 */
public record TranscriptTurn(Speaker speaker, int startSecond, int endSecond, String text)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TranscriptTurn {
    requireNonNull(speaker, "speaker is null");
    requireNonNull(text, "text is null");
    if (startSecond < 0) {
      throw new IllegalArgumentException("startSecond is negative: " + startSecond);
    }
    if (endSecond < startSecond) {
      throw new IllegalArgumentException(
          "endSecond " + endSecond + " is before startSecond " + startSecond);
    }
  }

  /** The length of the turn in seconds. */
  public int durationSeconds() {
    return endSecond - startSecond;
  }
}
