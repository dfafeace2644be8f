package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits normalised text into sentences at {@code 。 ! ? .} and line breaks (full-width {@code ！？}
 * are already half-width after {@link TextNormalization}). A run of terminators ({@code 吗?!},
 * {@code ...}) closes one sentence. A full stop only ends a sentence when no letter or digit
 * follows it and it does not close a title such as {@code mr.}, so that {@code 3.5}, {@code
 * v2.pptx} and {@code mr. wei} stay whole.
 */
final class Sentences {
  // Titles the generator and real English chat put before names; a full stop after them is not
  // the end of a sentence.
  private static final Set<String> ABBREVIATIONS =
      Set.of("mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e");

  private Sentences() {}

  /**
   * One sentence: its body (without the closing terminators), its span in the normalised text
   * (terminators included), and whether a question or exclamation mark was among its terminators.
   */
  record Sentence(String body, int start, int end, boolean questionMark, boolean exclamationMark) {
    Sentence {
      requireNonNull(body, "body is null");
    }
  }

  /** The sentences of a normalised text that hold at least one letter, ideograph or digit. */
  static List<Sentence> split(String normalised) {
    List<Sentence> sentences = new ArrayList<>();
    int length = normalised.length();
    int start = 0;
    int i = 0;
    while (i < length) {
      if (!isTerminatorAt(normalised, i)) {
        i++;
        continue;
      }
      int bodyEnd = i;
      boolean questionMark = false;
      boolean exclamationMark = false;
      while (i < length && isTerminatorAt(normalised, i)) {
        questionMark |= normalised.charAt(i) == '?';
        exclamationMark |= normalised.charAt(i) == '!';
        i++;
      }
      add(sentences, normalised, start, bodyEnd, i, questionMark, exclamationMark);
      start = i;
    }
    add(sentences, normalised, start, length, length, false, false);
    return sentences;
  }

  /** The sentence whose span holds {@code position}, if any holds it. */
  static Optional<Sentence> enclosing(List<Sentence> sentences, int position) {
    for (Sentence sentence : sentences) {
      if (sentence.start() <= position && position < sentence.end()) {
        return Optional.of(sentence);
      }
    }
    return Optional.empty();
  }

  private static void add(
      List<Sentence> sentences,
      String text,
      int start,
      int bodyEnd,
      int end,
      boolean questionMark,
      boolean exclamationMark) {
    String body = text.substring(start, bodyEnd);
    if (body.codePoints().anyMatch(TextNormalization::isWordCharacter)) {
      sentences.add(new Sentence(body, start, end, questionMark, exclamationMark));
    }
  }

  private static boolean isTerminatorAt(String text, int i) {
    char c = text.charAt(i);
    return switch (c) {
      case '。', '!', '?', '\n', '\r' -> true;
      case '.' -> isFullStop(text, i);
      default -> false;
    };
  }

  private static boolean isFullStop(String text, int i) {
    if (i + 1 < text.length() && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
      return false;
    }
    int wordStart = i;
    while (wordStart > 0
        && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
      wordStart--;
    }
    return !ABBREVIATIONS.contains(text.substring(wordStart, i));
  }
}
