package io.salesdw.transforms.text;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minimal negation handling of {@link SignalLexicon}: a signal phrase is negated when a negator
 * stands right before it (within three characters, or three English words) in the same clause and
 * after any contrast ({@code 但 可是 不过 but}), or inside the free gap a pattern allows between its
 * words. Chinese negators are {@code 没 未 不 别} (which cover {@code 还没 尚未 不能 别急}), except in words
 * that do not negate ({@code 不少 不错 不过 不仅 不管 不论 不但 不断 别的 别家 别人}); English negators are {@code not no
 * never nor cannot} and any word ending in {@code n't}. The {@code 不} and {@code 没} of an A-not-A
 * question ({@code 能不能 是不是 有没有 可不可以}) are no negators: {@code 能不能再降点} asks for a discount.
 */
final class Negation {
  /** Characters that end a clause in normalised text; a negator never reaches past them. */
  static final String CLAUSE_DELIMITERS = ",.!?;:。、\n\r";

  // How far back a negator may stand: Chinese puts it right before the verb (还没批, 不是下周能定),
  // English a few words before (not yet ready to sign, haven't got the budget approved).
  private static final int CHINESE_LOOK_BEHIND = 3;
  private static final int ENGLISH_LOOK_BEHIND_WORDS = 3;

  private static final Pattern CHINESE_NEGATOR = Pattern.compile("[没未]|不(?![少错过仅管论但断])|别(?![的家人])");
  private static final Set<String> ENGLISH_NEGATORS = Set.of("not", "no", "never", "nor", "cannot");
  // A contrast starts a new thought: in 预算不够但老板同意了 the 不 does not negate 老板同意了.
  private static final Pattern CONTRAST = Pattern.compile("但是?|可是|不过|然而|\\bbut\\b");
  // An A-not-A question (能不能, 是不是, 有没有, 可不可以) asks; its 不 or 没 negates nothing.
  private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}']+");

  private Negation() {}

  /** Whether a negator stands just before {@code start} in the clause that holds it. */
  static boolean precedes(String text, int start) {
    String window = text.substring(clauseStart(text, start), start);
    Matcher contrast = CONTRAST.matcher(window);
    while (contrast.find()) {
      window = window.substring(contrast.end());
      contrast = CONTRAST.matcher(window);
    }
    window = A_NOT_A.matcher(window).replaceAll("");
    String chineseWindow = window.substring(Math.max(0, window.length() - CHINESE_LOOK_BEHIND));
    if (CHINESE_NEGATOR.matcher(chineseWindow).find()) {
      return true;
    }
    String[] words = WORD_SEPARATORS.split(window.strip());
    for (int i = Math.max(0, words.length - ENGLISH_LOOK_BEHIND_WORDS); i < words.length; i++) {
      if (isEnglishNegator(words[i])) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} (the gap of a match) holds a negator: {@code 还没}, {@code is not}. */
  static boolean within(String text) {
    if (CHINESE_NEGATOR.matcher(A_NOT_A.matcher(text).replaceAll("")).find()) {
      return true;
    }
    for (String word : WORD_SEPARATORS.split(text)) {
      if (isEnglishNegator(word)) {
        return true;
      }
    }
    return false;
  }

  /** The index where the clause holding {@code position} starts. */
  static int clauseStart(String text, int position) {
    int i = position;
    while (i > 0 && CLAUSE_DELIMITERS.indexOf(text.charAt(i - 1)) < 0) {
      i--;
    }
    return i;
  }

  /** The index where the clause holding {@code position} ends (exclusive). */
  static int clauseEnd(String text, int position) {
    int i = position;
    while (i < text.length() && CLAUSE_DELIMITERS.indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static boolean isEnglishNegator(String word) {
    return ENGLISH_NEGATORS.contains(word) || word.endsWith("n't");
  }
}
