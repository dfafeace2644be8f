package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

/**
 * One column of a Delta table's schema, by its table (logical) name.
 *
 * @param name the column's name as the schema spells it; Delta matches names case-insensitively
 * @param type the column's type
 * @param nullable whether the schema allows NULL in the column
 */
public record DeltaColumn(String name, DeltaColumnType type, boolean nullable) {
  public DeltaColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
  }
}
