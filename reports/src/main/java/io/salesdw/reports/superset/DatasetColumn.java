package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

/** A column of a semantic model's view: an entity, a dimension or a measure's value. */
public record DatasetColumn(
    String columnName, String description, boolean isDttm, boolean groupby) {
  public DatasetColumn {
    requireNonNull(columnName, "columnName is null");
    requireNonNull(description, "description is null");
  }
}
