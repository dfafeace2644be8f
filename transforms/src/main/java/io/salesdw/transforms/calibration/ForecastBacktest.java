package io.salesdw.transforms.calibration;

import io.salesdw.transforms.calibration.model.IsotonicCalibrator;
import io.salesdw.transforms.calibration.model.PlattCalibrator;
import io.salesdw.transforms.calibration.model.ProbabilityCalibrator;
import io.salesdw.transforms.calibration.model.ProbabilityCalibrators;
import io.salesdw.transforms.calibration.model.ScoredForecast;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recalibrates reps' win probabilities month by month, each month with a calibrator fitted only on
 * forecasts whose outcome was known before that month began (a rolling-origin backtest): the month
 * scored never contributes to its own calibration, and nothing from its future leaks in.
 *
 * <p>A month with fewer than {@value #MINIMUM_TRAINING_FORECASTS} resolved earlier forecasts keeps
 * the reps' own probabilities (calibrator {@code none}); such months are not held-out periods.
 */
public final class ForecastBacktest {
  /** The fewest resolved forecasts a calibrator is fitted on. */
  public static final int MINIMUM_TRAINING_FORECASTS = 30;

  static final String NO_CALIBRATOR = "none";

  private ForecastBacktest() {}

  /** Every forecast with its held-out calibrated probability, ordered by month then id. */
  public static List<CalibratedForecast> calibrate(List<ForecastObservation> forecasts) {
    Map<YearMonth, List<ForecastObservation>> byMonth = new TreeMap<>();
    for (ForecastObservation forecast : forecasts) {
      byMonth.computeIfAbsent(forecast.month(), m -> new ArrayList<>()).add(forecast);
    }
    List<CalibratedForecast> calibrated = new ArrayList<>();
    for (Map.Entry<YearMonth, List<ForecastObservation>> month : byMonth.entrySet()) {
      LocalDateTime start = month.getKey().atDay(1).atStartOfDay();
      List<ScoredForecast> training =
          forecasts.stream()
              .filter(f -> f.submittedAt().isBefore(start) && f.resolvedBefore(start))
              .sorted(Comparator.comparing(ForecastObservation::forecastId))
              .map(f -> ScoredForecast.of(f.repProbability(), f.won().orElseThrow()))
              .toList();
      ProbabilityCalibrator calibrator =
          training.size() >= MINIMUM_TRAINING_FORECASTS
              ? ProbabilityCalibrators.choose(training)
              : null;
      String name = name(calibrator);
      month.getValue().stream()
          .sorted(Comparator.comparing(ForecastObservation::forecastId))
          .forEach(
              f ->
                  calibrated.add(
                      new CalibratedForecast(
                          f,
                          calibrator == null
                              ? f.repProbability()
                              : calibrator.calibrate(f.repProbability()),
                          name,
                          calibrator == null ? 0 : training.size())));
    }
    return List.copyOf(calibrated);
  }

  private static String name(ProbabilityCalibrator calibrator) {
    if (calibrator == null) {
      return NO_CALIBRATOR;
    }
    if (calibrator instanceof PlattCalibrator) {
      return "platt";
    }
    if (calibrator instanceof IsotonicCalibrator) {
      return "isotonic";
    }
    return calibrator.getClass().getSimpleName();
  }
}
