package io.salesdw.serve.avatica;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** The endpoint's own log-in errors: credentials it cannot read, before the service sees them. */
final class AvaticaAuthErrors {
  private AvaticaAuthErrors() {}

  static SalesdwException malformed(String scheme) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The request's "
            + scheme
            + " credentials are malformed. Connect with authentication=BASIC;avatica_user=<user>;"
            + "avatica_password=<password> or authentication=BEARER;bearer_token=<token>.");
  }

  static SalesdwException unsupportedScheme(String scheme) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "This endpoint accepts HTTP Basic and Bearer authentication, not '"
            + scheme
            + "'. Connect with authentication=BASIC;avatica_user=<user>;avatica_password=<password>"
            + " or authentication=BEARER;bearer_token=<token>.");
  }
}
