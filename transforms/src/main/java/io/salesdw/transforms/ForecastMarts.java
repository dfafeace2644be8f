package io.salesdw.transforms;

import java.util.List;

/** The forecast-calibration marts. */
final class ForecastMarts {
  private ForecastMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
