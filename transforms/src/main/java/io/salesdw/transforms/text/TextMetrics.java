package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Word counts of notes, messages and transcript lines in Chinese, English or a mix of both, with
 * ICU's word break iterator for the Chinese locale: Chinese runs are segmented with ICU's
 * dictionary, Latin runs at spaces and punctuation by the Unicode word-boundary rules, so mixed
 * text ({@code 能和HIS系统对接吗}) is counted the same way as either language alone.
 *
 * <p>A word is a segment whose rule status says it is a number, a word of letters, kana or
 * ideographs; punctuation and whitespace segments are skipped. Numbers count ({@code 7x24}, {@code
 * 3.5}) because they are words in the sense a reader or a word processor counts them. Dictionary
 * segmentation follows ICU, not a linguist: {@code 竞品} is two segments ({@code 竞}, {@code 品})
 * because ICU's dictionary lacks that sales jargon, which is acceptable for a note-length measure.
 *
 * <p>Stateless and thread-safe: each call takes its own iterator (ICU clones it from a cached
 * prototype, which costs microseconds), so one instance can serve a whole Spark partition or UDF.
 */
public final class TextMetrics implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The word segments of {@code text}, in order, as they appear in the text. */
  public List<String> words(String text) {
    requireNonNull(text, "text is null");
    List<String> words = new ArrayList<>();
    BreakIterator iterator = BreakIterator.getWordInstance(ULocale.CHINESE);
    iterator.setText(text);
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      // The status of the segment that ends at the current boundary: below WORD_NONE_LIMIT are
      // spaces and punctuation; numbers, letters, kana and ideographs lie above it.
      if (iterator.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
        words.add(text.substring(start, end));
      }
    }
    return words;
  }

  /** The number of words in {@code text} (0 for an empty or punctuation-only text). */
  public int wordCount(String text) {
    return words(text).size();
  }
}
