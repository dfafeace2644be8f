package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * A logistic regression of the outcome on the log-odds of the forecast, {@code logit(P(won)) =
 * intercept + slope * logit(p)}: Cox's calibration intercept and slope. A perfectly calibrated
 * forecaster has intercept 0 and slope 1; a slope below 1 means over-confident forecasts (too close
 * to 0 and 1), above 1 under-confident ones; a negative intercept (at slope 1) means forecasts that
 * are too high overall.
 *
 * <p>The maximum-likelihood fit does not always exist; then {@link #status()} says why and the
 * intercept and slope are empty.
 *
 * @param status whether the fit exists and converged
 * @param intercept the fitted intercept, present exactly when the status is {@link
 *     Status#CONVERGED}
 * @param slope the fitted slope, present exactly when the status is {@link Status#CONVERGED}
 */
public record CalibrationFit(Status status, OptionalDouble intercept, OptionalDouble slope) {
  /** Whether a fit exists, and if not, why not. */
  public enum Status {
    /** Newton's method converged to the maximum-likelihood estimate. */
    CONVERGED,
    /** Every forecast was won, or every one lost: the intercept would be infinite. */
    SINGLE_OUTCOME,
    /** Every forecast had the same probability, so a slope cannot be told from an intercept. */
    CONSTANT_FORECAST,
    /**
     * A probability threshold splits the won forecasts from the lost ones (complete or
     * quasi-complete separation): the likelihood keeps growing as the slope goes to infinity.
     */
    SEPARATED,
    /** Newton's method did not converge within its iteration limit. */
    NOT_CONVERGED
  }

  public CalibrationFit {
    requireNonNull(status, "status is null");
    requireNonNull(intercept, "intercept is null");
    requireNonNull(slope, "slope is null");
    boolean converged = status == Status.CONVERGED;
    if (intercept.isPresent() != converged || slope.isPresent() != converged) {
      throw new IllegalArgumentException(
          "intercept and slope must be present exactly when the fit converged, but status is "
              + status
              + ", intercept "
              + intercept
              + ", slope "
              + slope);
    }
  }

  static CalibrationFit converged(double intercept, double slope) {
    return new CalibrationFit(
        Status.CONVERGED, OptionalDouble.of(intercept), OptionalDouble.of(slope));
  }

  static CalibrationFit failed(Status status) {
    return new CalibrationFit(status, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
