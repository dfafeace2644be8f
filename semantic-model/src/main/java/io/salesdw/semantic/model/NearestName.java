package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the valid name nearest to an unknown one, for the "did you mean" of an issue: the closest
 * within an edit distance of {@value #MAX_DISTANCE} (ignoring case), else one that starts with it
 * or that it starts with.
 */
public final class NearestName {
  /** The largest Levenshtein distance at which a name is still suggested. */
  static final int MAX_DISTANCE = 3;

  /** A prefix match is suggested only when the shorter name has this many characters. */
  private static final int MIN_PREFIX = 3;

  private NearestName() {}

  /**
   * The candidate nearest to {@code name}, if one is near enough; ties go to the first in order.
   */
  public static Optional<String> among(String name, Collection<String> candidates) {
    requireNonNull(name, "name is null");
    requireNonNull(candidates, "candidates is null");
    String wanted = name.toLowerCase(Locale.ROOT);
    Optional<String> close =
        candidates.stream()
            .filter(candidate -> !candidate.equals(name))
            .filter(
                candidate -> {
                  String other = candidate.toLowerCase(Locale.ROOT);
                  int distance = distance(wanted, other);
                  return distance <= MAX_DISTANCE
                      && distance < Math.max(wanted.length(), other.length());
                })
            .min(
                Comparator.comparingInt(
                    (String candidate) -> distance(wanted, candidate.toLowerCase(Locale.ROOT))));
    if (close.isPresent()) {
      return close;
    }
    return candidates.stream()
        .filter(candidate -> !candidate.equals(name))
        .filter(
            candidate -> {
              String other = candidate.toLowerCase(Locale.ROOT);
              return Math.min(wanted.length(), other.length()) >= MIN_PREFIX
                  && (other.startsWith(wanted) || wanted.startsWith(other));
            })
        .min(Comparator.comparingInt(candidate -> Math.abs(candidate.length() - name.length())));
  }

  /** {@code " (did you mean 'revenue'?)"}, or an empty string when no candidate is near. */
  public static String hint(String name, Collection<String> candidates) {
    return among(name, candidates).map(nearest -> " (did you mean '" + nearest + "'?)").orElse("");
  }

  /** The Levenshtein distance: the fewest single-character edits turning one into the other. */
  static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
