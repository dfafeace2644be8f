package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One column of a {@link TableContract}: its name (snake_case), logical type, whether it may be
 * missing, whether it holds personal data, and, for enumerations, the codes it may take.
 */
public record ContractColumn(
    String name,
    LogicalType type,
    boolean nullable,
    boolean pii,
    List<String> allowedValues,
    Optional<String> description) {
  public ContractColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    requireNonNull(description, "description is null");
  }

  /** Whether the column is an enumeration: only its {@link #allowedValues()} may appear. */
  public boolean isEnumeration() {
    return !allowedValues.isEmpty();
  }
}
