package io.salesdw.semantic.model;

import java.util.List;

/** Helpers for model fixtures written as YAML text in the tests. */
final class ModelFixtures {
  private ModelFixtures() {}

  /**
   * The 1-based line of the {@code occurrence}-th line of {@code text} that is, stripped of
   * surrounding blanks, exactly {@code line}: expected locations are counted in the fixture, not
   * copied from a run.
   */
  static int lineOf(String text, String line, int occurrence) {
    List<String> lines = text.lines().toList();
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(line) && ++seen == occurrence) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line '" + line + "' #" + occurrence + " in the fixture");
  }

  static int lineOf(String text, String line) {
    return lineOf(text, line, 1);
  }

  /** The location of the one line of {@code text} that contains {@code fragment}. */
  static SourceLocation atLineWith(String file, String text, String fragment) {
    List<String> lines = text.lines().toList();
    int found = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        if (found != 0) {
          throw new IllegalArgumentException("two lines with '" + fragment + "' in the fixture");
        }
        found = i + 1;
      }
    }
    if (found == 0) {
      throw new IllegalArgumentException("no line with '" + fragment + "' in the fixture");
    }
    return new SourceLocation(file, found);
  }

  static SourceLocation at(String file, String text, String line) {
    return new SourceLocation(file, lineOf(text, line));
  }

  static SourceLocation at(String file, String text, String line, int occurrence) {
    return new SourceLocation(file, lineOf(text, line, occurrence));
  }

  static ModelCheck check(ModelSource... sources) {
    return SemanticManifestLoader.check(List.of(sources));
  }
}
