package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A measure accumulated over time: running (all time up to each period), over a trailing window
 * ({@code 90 days}), or period-to-date ({@code grain-to-date: year}). At most one of window and
 * grain-to-date is set.
 */
public record CumulativeMetric(
    String name,
    MetricGovernance governance,
    String measure,
    Optional<TimeWindow> window,
    Optional<TimeGrain> grainToDate,
    List<MetricTest> tests,
    SourceLocation location)
    implements Metric {
  public CumulativeMetric {
    requireNonNull(name, "name is null");
    requireNonNull(governance, "governance is null");
    requireNonNull(measure, "measure is null");
    requireNonNull(window, "window is null");
    requireNonNull(grainToDate, "grainToDate is null");
    tests = List.copyOf(requireNonNull(tests, "tests is null"));
    requireNonNull(location, "location is null");
    if (window.isPresent() && grainToDate.isPresent()) {
      throw new IllegalArgumentException("a cumulative metric has a window or a grain-to-date");
    }
  }

  @Override
  public List<String> inputMeasures() {
    return List.of(measure);
  }
}
