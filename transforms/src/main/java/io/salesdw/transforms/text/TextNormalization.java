package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;

/**
 * The one normal form every matcher of this package works on: NFKC with case folding, so that
 * full-width letters, digits and punctuation typed in a Chinese input method's full-width mode
 * ({@code ＢＵＤＧＥＴ　ＡＰＰＲＯＶＥＤ？}) match the half-width, lower-case lexicon, and {@code …} becomes {@code
 * ...}. The ideographic full stop {@code 。} and the enumeration comma {@code 、} have no
 * compatibility decomposition and stay as they are. The typographic apostrophe {@code ’} of phone
 * keyboards becomes {@code '}, so {@code can’t} and {@code can't} read alike.
 */
final class TextNormalization {
  // Normalizer2 instances are immutable, thread-safe singletons cached by ICU.
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

  private TextNormalization() {}

  /** The NFKC-casefolded form of {@code text}. */
  static String normalise(String text) {
    requireNonNull(text, "text is null");
    return NFKC_CASEFOLD.normalize(text).replace('\u2019', '\'');
  }

  /** Whether the code point is a Han ideograph (the unit of Chinese clauses and look-behinds). */
  static boolean isHan(int codePoint) {
    return UScript.getScript(codePoint) == UScript.HAN;
  }

  /** Whether the code point is a letter, an ideograph or a digit: the stuff words are made of. */
  static boolean isWordCharacter(int codePoint) {
    return UCharacter.isLetterOrDigit(codePoint)
        || UCharacter.hasBinaryProperty(codePoint, UProperty.IDEOGRAPHIC);
  }
}
