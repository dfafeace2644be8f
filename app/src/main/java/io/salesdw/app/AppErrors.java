package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** The user-facing errors of the command line itself: each says what is wrong and what to do. */
final class AppErrors {
  private AppErrors() {}

  static SalesdwException noDefaultLake(String lake) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "There is no lake at "
            + lake
            + " (the default). Run 'salesdw demo' to build the demo lake there, or give --lake"
            + " DIR.");
  }

  static SalesdwException badReportMonth(String month) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "--month '" + month + "' is not a month: write it as yyyy-MM, for example 2025-10.");
  }

  static SalesdwException noCjkFont(String font) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The Chinese PDF needs a CJK TrueType font at "
            + font
            + ", which is missing. Install it with scripts/chromium (Debian's fonts-droid-fallback)"
            + " or write the English pack with --lang en.");
  }
}
