package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The signals found in one text, in text order: a multiset of kinds (a note can raise two price
 * objections) with the phrases that raised them.
 */
public record TextSignals(List<SignalMatch> matches) implements Serializable {
  private static final long serialVersionUID = 1L;

  public TextSignals {
    matches = List.copyOf(requireNonNull(matches, "matches is null"));
  }

  /** The distinct kinds found. */
  public Set<SalesSignal> kinds() {
    Set<SalesSignal> kinds = EnumSet.noneOf(SalesSignal.class);
    for (SignalMatch match : matches) {
      kinds.add(match.kind());
    }
    return kinds;
  }

  /** Whether at least one signal of {@code kind} was found. */
  public boolean has(SalesSignal kind) {
    return count(kind) > 0;
  }

  /** How many times {@code kind} was found (non-overlapping phrases). */
  public int count(SalesSignal kind) {
    requireNonNull(kind, "kind is null");
    return (int) matches.stream().filter(match -> match.kind() == kind).count();
  }

  /** The matched phrases of {@code kind}, normalised, in text order. */
  public List<String> phrases(SalesSignal kind) {
    requireNonNull(kind, "kind is null");
    return matches.stream().filter(match -> match.kind() == kind).map(SignalMatch::phrase).toList();
  }
}
