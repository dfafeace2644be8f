package io.salesdw.transforms;

import java.util.List;

/** The customer-value marts: lifetime value, health index, cohorts and lead-source weights. */
final class CustomerValueMarts {
  private CustomerValueMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
