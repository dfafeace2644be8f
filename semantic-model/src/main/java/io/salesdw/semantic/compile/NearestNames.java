package io.salesdw.semantic.compile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known name a misspelt one most likely meant, for "did you mean" in errors. */
final class NearestNames {
  private static final int MAXIMUM_DISTANCE = 3;

  private NearestNames() {}

  /** The closest known name within a few edits (or sharing the unknown name as a prefix). */
  static Optional<String> nearest(String unknown, Collection<String> known) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return known.stream()
        .filter(
            name -> {
              String candidate = name.toLowerCase(Locale.ROOT);
              return distance.apply(wanted, candidate) <= MAXIMUM_DISTANCE
                  || (wanted.length() >= 4 && candidate.startsWith(wanted));
            })
        .min(
            Comparator.comparingInt(
                    (String name) -> distance.apply(wanted, name.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
  }

  /** " Did you mean 'x'?" or the empty string. */
  static String suggestion(String unknown, Collection<String> known) {
    return nearest(unknown, known).map(name -> " Did you mean '" + name + "'?").orElse("");
  }
}
