package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What to build: every month, or one month's partitions of the monthly facts (dimensions and
 * whole-history marts are rebuilt when their inputs changed).
 *
 * @param lakeRoot the lake root, a path or a Hadoop URI
 * @param month the one month to rebuild, or empty for all
 */
public record GoldBuildRequest(String lakeRoot, Optional<YearMonth> month) {
  public GoldBuildRequest {
    requireNonNull(lakeRoot, "lakeRoot is null");
    requireNonNull(month, "month is null");
  }

  /** Build every month of the lake at {@code lakeRoot}. */
  public static GoldBuildRequest allMonths(String lakeRoot) {
    return new GoldBuildRequest(lakeRoot, Optional.empty());
  }
}
