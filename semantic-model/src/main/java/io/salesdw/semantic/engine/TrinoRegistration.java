package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a registration of a lake zone in Trino did, by lake table name ({@code gold/fact_order}):
 * tables newly registered, already registered at the same place, re-pointed at this lake, and
 * unregistered because the lake no longer has them.
 */
public record TrinoRegistration(
    String catalog,
    String schemaLocation,
    List<String> registered,
    List<String> unchanged,
    List<String> replaced,
    List<String> removed) {
  public TrinoRegistration {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(schemaLocation, "schemaLocation is null");
    registered = List.copyOf(registered);
    unchanged = List.copyOf(unchanged);
    replaced = List.copyOf(replaced);
    removed = List.copyOf(removed);
  }

  /** True if nothing was changed in Trino. */
  public boolean changedNothing() {
    return registered.isEmpty() && replaced.isEmpty() && removed.isEmpty();
  }
}
