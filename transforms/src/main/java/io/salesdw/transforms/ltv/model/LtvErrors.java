package io.salesdw.transforms.ltv.model;

import static io.salesdw.contracts.ErrorKind.EXTERNAL;
import static io.salesdw.contracts.ErrorKind.USER_ERROR;

import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The lifetime-value models' user- and data-facing errors: what failed, why, and what to do. */
final class LtvErrors {
  private LtvErrors() {}

  static SalesdwException noCustomersBefore(LocalDate calibrationEnd, int transactions) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "none of the %d transactions is on or before the calibration end %s, so there is no"
                + " customer to fit the models on. Choose a later calibration end.",
            transactions, calibrationEnd));
  }

  static SalesdwException holdoutNotAfterCalibration(
      LocalDate calibrationEnd, LocalDate holdoutEnd) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "the holdout end %s is not after the calibration end %s: the holdout period is"
                + " (calibration end, holdout end]. Choose a later holdout end.",
            holdoutEnd, calibrationEnd));
  }

  static SalesdwException noRepeatCustomers(int customers) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "none of the %d customers has a repeat purchase with a positive mean value, so the"
                + " Gamma-Gamma spend model has nothing to fit. Use a longer calibration period.",
            customers));
  }

  static SalesdwException fitDidNotConverge(String model, int evaluations, Throwable cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "the %s maximum-likelihood fit did not converge after %d evaluations of the"
                + " likelihood: the data do not pin its parameters down (too few customers or"
                + " repeat purchases?). Fit on more customers or a longer calibration period.",
            model, evaluations),
        cause);
  }

  static SalesdwException spendUndefined(double q) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "the fitted Gamma-Gamma q = %.4g is not above 1, so the expected spend of a customer"
                + " without repeat purchases is infinite. Fit on more repeat customers.",
            q));
  }

  static SalesdwException unreadable(Path file, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format("cannot read %s: %s. Check the path and its permissions.", file, cause),
        cause);
  }

  static SalesdwException unknownColumn(
      Path file, String role, String column, List<String> header) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s has no column '%s' (the %s column); its header has: %s. Give one of those names.",
            file, column, role, String.join(", ", header)));
  }

  static SalesdwException invalidCsv(Path file, Exception cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s is not valid CSV (%s). Fix the quoting or the delimiter.",
            file, cause.getMessage()),
        cause);
  }

  static SalesdwException missingValue(Path file, long row, long line, String column) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s row %d (line %d), column '%s': the value is missing. Every transaction needs a"
                + " customer, a date and an amount.",
            file, row, line, column));
  }

  static SalesdwException unparsableDate(
      Path file, long row, long line, String column, String value, String pattern) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s row %d (line %d), column '%s': '%s' is not a date in the format %s. Fix the"
                + " value or give the file's format with --date-format.",
            file, row, line, column, value, pattern));
  }

  static SalesdwException unparsableAmount(
      Path file, long row, long line, String column, String value) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s row %d (line %d), column '%s': '%s' is not a number. Amounts are plain decimals"
                + " with a '.' separator and no currency sign or thousands separator (12.50).",
            file, row, line, column, value));
  }

  static SalesdwException invalidDatePattern(String pattern, IllegalArgumentException cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "'%s' is not a date pattern (%s). Give a java.time pattern such as yyyy-MM-dd or"
                + " yyyyMMdd.",
            pattern, cause.getMessage()),
        cause);
  }

  static SalesdwException emptyFile(Path file) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "%s has a header but no transactions. Give a file with at least one row.", file));
  }
}
