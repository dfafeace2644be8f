package io.salesdw.generator.text;

import java.util.SplittableRandom;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, registration authority and
 * entity type ("91" for a company registered with market regulation), the six-digit administrative
 * division, a nine-character organisation code (GB 11714, with its own check character) and a final
 * check character. Generated codes have valid check characters, so they pass the validation real
 * systems apply.
 */
public final class CreditCodes {
  /** The 31 characters allowed in a credit code (no I, O, S, V, Z), in value order. */
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] CODE_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private CreditCodes() {}

  /** A valid credit code for a company registered in the given division. */
  public static String random(SplittableRandom random, String divisionCode, String prefix) {
    StringBuilder organisation = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      // Organisation codes are mostly digits; keep letters rare as in real codes.
      organisation.append(
          random.nextDouble() < 0.85
              ? (char) ('0' + random.nextInt(10))
              : ALPHABET.charAt(10 + random.nextInt(ALPHABET.length() - 10)));
    }
    organisation.append(organisationCheck(organisation));
    String body = prefix + divisionCode + organisation;
    return body + codeCheck(body);
  }

  /** The GB 11714 check character of the first eight characters of an organisation code. */
  static char organisationCheck(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += ORGANISATION_WEIGHTS[i] * organisationValue(body.charAt(i));
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  /** The GB 32100 check character of the first seventeen characters of a credit code. */
  static char codeCheck(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CODE_WEIGHTS[i] * ALPHABET.indexOf(body.charAt(i));
    }
    int check = (31 - sum % 31) % 31;
    return ALPHABET.charAt(check);
  }

  /** Whether {@code code} is an 18-character credit code with both check characters right. */
  public static boolean isValid(String code) {
    if (code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return codeCheck(code) == code.charAt(17)
        && organisationCheck(code.subSequence(8, 16)) == code.charAt(16);
  }

  private static int organisationValue(char c) {
    return c <= '9' ? c - '0' : c - 'A' + 10;
  }
}
