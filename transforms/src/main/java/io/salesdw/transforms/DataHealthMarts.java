package io.salesdw.transforms;

import java.util.List;

/** The data-health marts and the sales health self-check. */
final class DataHealthMarts {
  private DataHealthMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
