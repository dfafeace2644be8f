package io.salesdw.transforms.ltv.model;

/**
 * How well a purchase model forecast the repeat purchases of a holdout period, next to a naive
 * baseline that extrapolates each customer's calibration-period rate x / T. Errors of totals are
 * signed, forecast minus actual.
 *
 * @param customers customers scored (those first seen in the calibration period)
 * @param holdoutLength the holdout period's length, in the model's time unit
 * @param actualTotal repeat purchases made in the holdout period
 * @param modelTotal the model's forecast of that total
 * @param baselineTotal the baseline's forecast of that total
 * @param modelMae the model's mean absolute error per customer
 * @param baselineMae the baseline's mean absolute error per customer
 * @param modelTotalError modelTotal - actualTotal
 * @param baselineTotalError baselineTotal - actualTotal
 */
public record HoldoutScore(
    int customers,
    double holdoutLength,
    long actualTotal,
    double modelTotal,
    double baselineTotal,
    double modelMae,
    double baselineMae,
    double modelTotalError,
    double baselineTotalError) {
  public HoldoutScore {
    if (customers <= 0) {
      throw new IllegalArgumentException("customers must be positive, got " + customers);
    }
  }
}
