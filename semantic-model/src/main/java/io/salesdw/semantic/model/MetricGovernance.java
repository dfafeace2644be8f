package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * What every metric carries besides its definition: who answers for it, what it means, how it is
 * shown, and whether it is certified.
 *
 * @param label a display name
 * @param owner the team or person who answers for the number
 * @param description what it means, in English and Chinese
 * @param unit e.g. {@code CNY}, {@code ratio}, {@code days}, {@code count}
 * @param format a display format, e.g. {@code #,##0} or {@code 0.0%}
 * @param certification certified, draft or deprecated
 * @param version bumped whenever the definition changes meaning
 */
public record MetricGovernance(
    String label,
    String owner,
    LocalizedText description,
    String unit,
    String format,
    Certification certification,
    int version) {
  public MetricGovernance {
    requireNonNull(label, "label is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(description, "description is null");
    requireNonNull(unit, "unit is null");
    requireNonNull(format, "format is null");
    requireNonNull(certification, "certification is null");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive: " + version);
    }
  }
}
