package io.salesdw.serve.flight;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;

/** The errors of reading the TLS key store: what is wrong with it, and how to make a good one. */
final class ServeTlsErrors {
  private static final String HOW =
      "it must be a PKCS#12 file holding the server's private key and certificate chain, as"
          + " 'keytool -genkeypair -storetype PKCS12' writes it, with its password in the"
          + " configured environment variable";

  private ServeTlsErrors() {}

  static SalesdwException unreadable(Path keyStore, Exception cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "cannot read the TLS key store " + keyStore + " (" + cause.getMessage() + "); " + HOW,
        cause);
  }

  static SalesdwException noKey(Path keyStore) {
    return new SalesdwException(
        ErrorKind.USER_ERROR, "the TLS key store " + keyStore + " holds no private key; " + HOW);
  }
}
