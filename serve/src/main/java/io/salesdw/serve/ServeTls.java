package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * TLS for the served ports: one PKCS#12 key store holding the server's private key and certificate
 * chain (as {@code keytool -genkeypair -storetype PKCS12} writes it), used by both endpoints.
 *
 * @param keyStore the PKCS#12 file
 * @param password its password (from the environment, never from the configuration file itself);
 *     {@link #toString()} does not show it
 */
public record ServeTls(Path keyStore, String password) {
  public ServeTls {
    requireNonNull(keyStore, "keyStore is null");
    requireNonNull(password, "password is null");
  }

  @Override
  public String toString() {
    return "ServeTls[keyStore=" + keyStore + ", password=***]";
  }
}
