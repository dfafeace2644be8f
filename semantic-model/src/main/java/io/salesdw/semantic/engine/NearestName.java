package io.salesdw.semantic.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The valid name nearest to a misspelt one, by Levenshtein distance ignoring case, for "did you
 * mean" hints. A name too far from every candidate gets no hint: a wrong guess misleads more than
 * none.
 */
final class NearestName {
  private NearestName() {}

  /**
   * The suggestion whose key is nearest to {@code unknown}, if within a third of its length (at
   * least 2 edits). Keys are what the user's name is compared with (a table's bare name); values
   * are what is suggested (its qualified name). Ties go to the first in the map's order.
   */
  static Optional<String> among(String unknown, Map<String, String> suggestionsByKey) {
    String target = unknown.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, target.length() / 3);
    Optional<String> best = Optional.empty();
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, String> candidate : suggestionsByKey.entrySet()) {
      int distance = distance(target, candidate.getKey().toLowerCase(Locale.ROOT));
      if (distance <= limit && distance < bestDistance) {
        best = Optional.of(candidate.getValue());
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
