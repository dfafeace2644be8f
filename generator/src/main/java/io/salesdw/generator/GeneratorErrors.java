package io.salesdw.generator;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** The generator's user-facing configuration errors. */
final class GeneratorErrors {
  private GeneratorErrors() {}

  static SalesdwException invalidScale(double scale) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Invalid scale "
            + scale
            + ": the scale must be greater than "
            + GeneratorConfig.MIN_SCALE_EXCLUSIVE
            + " and at most "
            + GeneratorConfig.MAX_SCALE
            + " (1 = one year of a 150-rep organisation). Pass for example --scale 0.1.");
  }

  static SalesdwException invalidYear(int year) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Invalid year "
            + year
            + ": the simulated year must be between "
            + GeneratorConfig.MIN_YEAR
            + " and "
            + GeneratorConfig.MAX_YEAR
            + ". Pass for example --year "
            + GeneratorConfig.DEFAULT_YEAR
            + ".");
  }
}
