package io.salesdw.transforms;

import java.util.List;

/** The targets and incentives marts: attainment, target authenticity, commissions. */
final class IncentiveMarts {
  private IncentiveMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
