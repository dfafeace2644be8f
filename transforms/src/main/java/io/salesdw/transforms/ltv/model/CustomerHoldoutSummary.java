package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

/**
 * A customer's calibration-period summary and the repeat purchases actually made in the holdout
 * period that follows it.
 *
 * @param calibration the summary over the calibration period
 * @param holdoutFrequency purchase days in the holdout period (every one is a repeat purchase)
 */
public record CustomerHoldoutSummary(CustomerTransactionSummary calibration, int holdoutFrequency) {
  public CustomerHoldoutSummary {
    requireNonNull(calibration, "calibration is null");
    if (holdoutFrequency < 0) {
      throw new IllegalArgumentException("holdoutFrequency is negative: " + holdoutFrequency);
    }
  }
}
