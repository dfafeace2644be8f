package io.salesdw.serve.flight;

import io.salesdw.serve.ServeTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * A PKCS#12 key store's private key and certificate chain as PEM, which is what Flight's server
 * takes; read in memory, never written to disk.
 *
 * @param certificateChain the chain, server certificate first, as PEM
 * @param privateKey the key, as PKCS#8 PEM
 */
record TlsPem(byte[] certificateChain, byte[] privateKey) {
  static TlsPem of(ServeTls tls) {
    char[] password = tls.password().toCharArray();
    try (InputStream in = Files.newInputStream(tls.keyStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
          continue;
        }
        StringBuilder certificates = new StringBuilder();
        for (Certificate certificate : chain) {
          certificates.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        return new TlsPem(
            certificates.toString().getBytes(StandardCharsets.US_ASCII),
            pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
      }
      throw ServeTlsErrors.noKey(tls.keyStore());
    } catch (IOException | GeneralSecurityException e) {
      throw ServeTlsErrors.unreadable(tls.keyStore(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
