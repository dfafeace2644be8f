package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What building one gold table did.
 *
 * @param name the table name under gold/
 * @param rows the table's rows after the build
 * @param version the table's Delta version after the build
 * @param rebuilt false when its inputs were unchanged since the last build and nothing was written
 * @param elapsed the time spent on this table
 */
public record GoldTableResult(
    String name, long rows, long version, boolean rebuilt, Duration elapsed) {
  public GoldTableResult {
    requireNonNull(name, "name is null");
    requireNonNull(elapsed, "elapsed is null");
  }
}
