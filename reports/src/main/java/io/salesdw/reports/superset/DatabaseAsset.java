package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The Trino connection as a Superset database. */
public record DatabaseAsset(String databaseName, String sqlalchemyUri, UUID uuid) {
  public DatabaseAsset {
    requireNonNull(databaseName, "databaseName is null");
    requireNonNull(sqlalchemyUri, "sqlalchemyUri is null");
    requireNonNull(uuid, "uuid is null");
  }
}
