package io.salesdw.transforms.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TestForecastBacktest {
  /**
   * January: 40 forecasts at 0.8, of which 10 won, all closed in January. February: one forecast at
   * 0.8. The February calibrator may use January (resolved before February 1st) and nothing else.
   */
  private static List<ForecastObservation> history(boolean februaryWon) {
    List<ForecastObservation> list = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      list.add(
          observation(
              "F" + (100 + i),
              LocalDateTime.of(2025, 1, 6, 10, 0),
              0.8,
              i < 10,
              LocalDateTime.of(2025, 1, 20, 10, 0)));
    }
    list.add(
        observation(
            "F200",
            LocalDateTime.of(2025, 2, 3, 10, 0),
            0.8,
            februaryWon,
            LocalDateTime.of(2025, 2, 25, 10, 0)));
    return list;
  }

  private static ForecastObservation observation(
      String id, LocalDateTime submitted, double p, boolean won, LocalDateTime closed) {
    return new ForecastObservation(
        id,
        "O" + id,
        "REP1",
        Optional.of("T1"),
        submitted,
        YearMonth.from(submitted).plusMonths(1),
        p,
        OptionalDouble.empty(),
        100_000,
        Optional.of(won),
        Optional.of(closed));
  }

  @Test
  void theFirstMonthHasNoHistoryAndKeepsTheRepsProbability() {
    List<CalibratedForecast> calibrated = ForecastBacktest.calibrate(history(true));
    CalibratedForecast january = calibrated.get(0);
    assertThat(january.calibrator()).isEqualTo("none");
    assertThat(january.heldOut()).isFalse();
    assertThat(january.calibratedProbability()).isEqualTo(0.8);
  }

  @Test
  void februaryIsCalibratedOnJanuaryOnly() {
    CalibratedForecast february = ForecastBacktest.calibrate(history(true)).get(40);
    assertThat(february.observation().forecastId()).isEqualTo("F200");
    assertThat(february.calibrator()).isEqualTo("platt"); // 40 < 200 forecasts
    assertThat(february.trainingForecasts()).isEqualTo(40);
    // Every January forecast said 0.8 and a quarter won: Platt with smoothed targets on a single
    // probability maps 0.8 to the (smoothed) observed rate, (10 + 1) / (40 + 2) ~ 0.26 -- well
    // below the rep's 0.8.
    assertThat(february.calibratedProbability()).isBetween(0.2, 0.32);
  }

  @Test
  void theScoredMonthsOwnOutcomeNeverChangesItsCalibration() {
    double whenWon = ForecastBacktest.calibrate(history(true)).get(40).calibratedProbability();
    double whenLost = ForecastBacktest.calibrate(history(false)).get(40).calibratedProbability();
    assertThat(whenLost).isEqualTo(whenWon);
  }

  @Test
  void forecastsStillOpenAtTheMonthStartAreNotTrainedOn() {
    List<ForecastObservation> list = new ArrayList<>(history(true));
    // 40 more January forecasts that only closed in March: unknown on February 1st.
    for (int i = 0; i < 40; i++) {
      list.add(
          observation(
              "F" + (300 + i),
              LocalDateTime.of(2025, 1, 13, 10, 0),
              0.5,
              true,
              LocalDateTime.of(2025, 3, 5, 10, 0)));
    }
    CalibratedForecast february =
        ForecastBacktest.calibrate(list).stream()
            .filter(c -> c.observation().forecastId().equals("F200"))
            .findFirst()
            .orElseThrow();
    assertThat(february.trainingForecasts()).isEqualTo(40);
  }
}
