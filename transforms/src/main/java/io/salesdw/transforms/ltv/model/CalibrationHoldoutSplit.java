package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * Customers' histories split at a calibration end date: summaries to fit on, and the purchases in
 * the holdout period (calibration end, holdout end] to check the forecasts against. Only customers
 * whose first purchase falls in the calibration period are included, as in the lifetimes package.
 *
 * @param holdoutLength the holdout period's length in {@code unit}
 */
public record CalibrationHoldoutSplit(
    LocalDate calibrationEnd,
    LocalDate holdoutEnd,
    PeriodUnit unit,
    double holdoutLength,
    List<CustomerHoldoutSummary> customers) {
  public CalibrationHoldoutSplit {
    requireNonNull(calibrationEnd, "calibrationEnd is null");
    requireNonNull(holdoutEnd, "holdoutEnd is null");
    requireNonNull(unit, "unit is null");
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "holdout end " + holdoutEnd + " is not after calibration end " + calibrationEnd);
    }
    if (!(holdoutLength > 0)) {
      throw new IllegalArgumentException("holdoutLength is not positive: " + holdoutLength);
    }
    customers = List.copyOf(customers);
  }

  /** The calibration summaries alone, to fit the models on. */
  public List<CustomerTransactionSummary> calibrationSummaries() {
    return customers.stream().map(CustomerHoldoutSummary::calibration).toList();
  }
}
