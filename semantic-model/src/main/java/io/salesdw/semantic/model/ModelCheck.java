package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading and checking a model: the manifest when there is no issue, and every issue
 * found otherwise.
 */
public record ModelCheck(Optional<SemanticManifest> manifest, List<ModelIssue> issues) {
  public ModelCheck {
    requireNonNull(manifest, "manifest is null");
    issues = List.copyOf(requireNonNull(issues, "issues is null"));
    if (manifest.isPresent() != issues.isEmpty()) {
      throw new IllegalArgumentException("a manifest is given exactly when there is no issue");
    }
  }

  public boolean isValid() {
    return issues.isEmpty();
  }
}
