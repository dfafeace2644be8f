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
}
