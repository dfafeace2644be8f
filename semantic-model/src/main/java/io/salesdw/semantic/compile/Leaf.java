package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.TimeWindow;
import java.util.List;
import java.util.Optional;

/**
 * One aggregate a compiled query computes, grouped by the query's dimensions; metrics are
 * expressions over leaves. Equal leaves are computed once, so {@code revenue} and {@code revenue /
 * order_count} in one query aggregate revenue once.
 */
sealed interface Leaf {
  /** Shifts in time: the leaf's value for a period is the value this far before it. */
  List<TimeWindow> offsets();

  /**
   * A measure, filtered and shifted, maybe accumulated.
   *
   * @param measure the measure's name
   * @param filter the metric's condition on dimensions
   * @param offsets shifts in time
   * @param accumulation how it accumulates over time, if it does
   */
  record MeasureLeaf(
      String measure,
      Optional<String> filter,
      List<TimeWindow> offsets,
      Optional<Accumulation> accumulation)
      implements Leaf {
    public MeasureLeaf {
      requireNonNull(measure, "measure is null");
      requireNonNull(filter, "filter is null");
      offsets = List.copyOf(requireNonNull(offsets, "offsets is null"));
      requireNonNull(accumulation, "accumulation is null");
    }
  }

  /**
   * The base events of a conversion metric, or those of them that converted within the window.
   *
   * @param metric the conversion metric
   * @param converted whether to count converted base events rather than all
   * @param offsets shifts in time
   */
  record ConversionLeaf(ConversionMetric metric, boolean converted, List<TimeWindow> offsets)
      implements Leaf {
    public ConversionLeaf {
      requireNonNull(metric, "metric is null");
      offsets = List.copyOf(requireNonNull(offsets, "offsets is null"));
    }
  }
}
