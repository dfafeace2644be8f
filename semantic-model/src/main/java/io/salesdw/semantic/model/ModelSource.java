package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * The text of one model file and the name errors give it.
 *
 * @param origin a file path or a resource name
 * @param text the YAML
 */
public record ModelSource(String origin, String text) {
  public ModelSource {
    requireNonNull(origin, "origin is null");
    requireNonNull(text, "text is null");
  }
}
