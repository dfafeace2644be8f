package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestProbabilityCalibrators {
  @Test
  void choosesPlattBelowTwoHundredForecasts() {
    List<ScoredForecast> forecasts = forecasts(199);

    ProbabilityCalibrator chosen = ProbabilityCalibrators.choose(forecasts);

    assertThat(chosen).isEqualTo(PlattCalibrator.fit(forecasts));
  }

  @Test
  void choosesIsotonicFromTwoHundredForecasts() {
    List<ScoredForecast> forecasts = forecasts(200);

    ProbabilityCalibrator chosen = ProbabilityCalibrators.choose(forecasts);

    assertThat(chosen).isEqualTo(IsotonicCalibrator.fit(forecasts));
  }

  @Test
  void countsForecastsNotWeights() {
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (ScoredForecast forecast : forecasts(10)) {
      forecasts.add(new ScoredForecast(forecast.probability(), forecast.won(), 1_000));
    }

    assertThat(ProbabilityCalibrators.choose(forecasts)).isInstanceOf(PlattCalibrator.class);
  }

  private static List<ScoredForecast> forecasts(int count) {
    List<ScoredForecast> forecasts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      forecasts.add(ScoredForecast.of((i % 10 + 0.5) / 10, i % 3 == 0));
    }
    return forecasts;
  }
}
