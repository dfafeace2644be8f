package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.TimeGrain;
import io.salesdw.semantic.model.TimeWindow;
import java.util.Optional;

/**
 * How a leaf accumulates over time: all history (running), a trailing window, or from the start of
 * a period (to date). A cumulative metric or a to-date comparison sets it.
 *
 * @param window the trailing window, for a windowed accumulation
 * @param grainToDate the grain accumulated from, for a to-date accumulation
 */
record Accumulation(Optional<TimeWindow> window, Optional<TimeGrain> grainToDate) {
  Accumulation {
    requireNonNull(window, "window is null");
    requireNonNull(grainToDate, "grainToDate is null");
    if (window.isPresent() && grainToDate.isPresent()) {
      throw new IllegalArgumentException("an accumulation has a window or a grain-to-date");
    }
  }
}
