package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The catalog a user sees through an endpoint's metadata calls: the lake tables they may read
 * ({@code gold.*}), the model's views ({@code metrics}, {@code semantic.*}), the model's own tables
 * ({@code catalog.metrics}…), and the audit for those who may read it.
 *
 * @param tables every table and view, ordered by schema then name
 */
public record ServedCatalog(List<ServedTable> tables) {
  public ServedCatalog {
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
  }
}
