package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

/**
 * Checks a purchase model out of sample: fit on the calibration period, forecast each customer's
 * repeat purchases in the holdout period, and compare with what they did, next to the naive
 * baseline that each customer keeps buying at the calibration rate x / T.
 */
public final class HoldoutValidation {
  private HoldoutValidation() {}

  /** Fits BG/NBD on the calibration summaries and scores it on the holdout. */
  public static HoldoutScore fitAndScore(CalibrationHoldoutSplit split) {
    return score(BgNbdModel.fit(split.calibrationSummaries()), split);
  }

  /** Scores a given model's forecasts on the holdout. */
  public static HoldoutScore score(BgNbdModel model, CalibrationHoldoutSplit split) {
    requireNonNull(model, "model is null");
    requireNonNull(split, "split is null");
    double length = split.holdoutLength();
    long actualTotal = 0;
    double modelTotal = 0;
    double baselineTotal = 0;
    double modelAbsoluteErrors = 0;
    double baselineAbsoluteErrors = 0;
    for (CustomerHoldoutSummary customer : split.customers()) {
      CustomerTransactionSummary calibration = customer.calibration();
      int actual = customer.holdoutFrequency();
      double forecast = model.expectedPurchases(calibration, length);
      // A customer first seen on the calibration end has T = 0 and x = 0: a rate of 0, not 0/0.
      double baseline =
          calibration.age() > 0 ? calibration.frequency() / calibration.age() * length : 0.0;
      actualTotal += actual;
      modelTotal += forecast;
      baselineTotal += baseline;
      modelAbsoluteErrors += Math.abs(forecast - actual);
      baselineAbsoluteErrors += Math.abs(baseline - actual);
    }
    int customers = split.customers().size();
    return new HoldoutScore(
        customers,
        length,
        actualTotal,
        modelTotal,
        baselineTotal,
        modelAbsoluteErrors / customers,
        baselineAbsoluteErrors / customers,
        modelTotal - actualTotal,
        baselineTotal - actualTotal);
  }
}
