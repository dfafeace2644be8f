package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * One mistake in a semantic model, where it is and what to do about it.
 *
 * @param location the file and line
 * @param message the problem and its fix, naming the element
 */
public record ModelIssue(SourceLocation location, String message) {
  public ModelIssue {
    requireNonNull(location, "location is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
