/**
 * Forecast calibration statistics in pure Java: how well reps' win probabilities match what was
 * later won (Brier score, log loss, reliability bins, Cox calibration slope and intercept), the
 * isotonic and Platt recalibrations of those probabilities, the interval of a period's expected
 * bookings, and a credibility score of a single forecast.
 *
 * <p>Everything here is a pure function over immutable records, with no Spark and no shared state,
 * so a Spark mart can collect one group's rows and call it. Arguments are checked as preconditions
 * ({@link java.lang.IllegalArgumentException}); the caller filters and reports bad data rows first.
 */
package io.salesdw.transforms.calibration.model;
