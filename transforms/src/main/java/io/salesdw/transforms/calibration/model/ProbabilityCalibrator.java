package io.salesdw.transforms.calibration.model;

/**
 * Maps a raw forecast probability to a calibrated one, learnt from past forecasts and their
 * outcomes. Implementations are immutable and non-decreasing in {@code p}, so recalibration never
 * reorders deals.
 */
public interface ProbabilityCalibrator {
  /**
   * Returns the calibrated probability of a raw forecast probability.
   *
   * @param p the raw forecast probability, in [0, 1]
   * @throws IllegalArgumentException if {@code p} is not in [0, 1]
   */
  double calibrate(double p);
}
