package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.TimeGrain;
import java.util.Optional;

/**
 * A dimension as a query names it: {@code region_name}, or a time dimension at a grain, {@code
 * order_date__month}. {@code metric_time} stands for each metric's own time dimension.
 *
 * @param dimension the dimension's name (or {@code metric_time})
 * @param grain the time grain, for a time dimension
 */
record DimensionReference(String dimension, Optional<TimeGrain> grain) {
  static final String METRIC_TIME = "metric_time";
  private static final String GRAIN_SEPARATOR = "__";

  DimensionReference {
    requireNonNull(dimension, "dimension is null");
    requireNonNull(grain, "grain is null");
  }

  /** Splits {@code order_date__month} into the dimension and the grain; other names stay whole. */
  static DimensionReference parse(String name) {
    int at = name.lastIndexOf(GRAIN_SEPARATOR);
    if (at > 0) {
      Optional<TimeGrain> grain =
          TimeGrain.fromSuffix(name.substring(at + GRAIN_SEPARATOR.length()));
      if (grain.isPresent()) {
        return new DimensionReference(name.substring(0, at), grain);
      }
    }
    return new DimensionReference(name, Optional.empty());
  }

  boolean isMetricTime() {
    return dimension.equalsIgnoreCase(METRIC_TIME);
  }

  /** The column name the query's result uses. */
  String columnName() {
    return grain.map(g -> dimension + GRAIN_SEPARATOR + g.suffix()).orElse(dimension);
  }
}
