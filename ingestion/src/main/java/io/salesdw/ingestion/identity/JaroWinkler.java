package io.salesdw.ingestion.identity;

/**
 * Jaro-Winkler similarity (Winkler 1990): the Jaro similarity of two strings raised for a common
 * prefix of up to four characters. It suits company names, which agree most at their start (the
 * brand) and differ in the industry words short forms drop. Compares UTF-16 code units, which is
 * exact for the GBK-encodable Han characters of company names.
 */
final class JaroWinkler {
  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transposed = 0;
    for (int i = 0, j = 0; i < a.length(); i++) {
      if (aMatched[i]) {
        while (!bMatched[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transposed++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - transposed / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(MAX_PREFIX, Math.min(a.length(), b.length()))
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
  }
}
