package io.salesdw.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class TestPasswordHash {
  @Test
  void verifiesTheRightPasswordOnly() {
    PasswordHash hash = PasswordHash.ofPassword("s3cret-口令");

    assertThat(hash.isPassword()).isTrue();
    assertThat(hash.verify("s3cret-口令")).isTrue();
    assertThat(hash.verify("s3cret-口")).isFalse();
    assertThat(hash.verify("")).isFalse();
  }

  @Test
  void saltsEachHashDifferently() {
    PasswordHash first = PasswordHash.ofPassword("same");
    PasswordHash second = PasswordHash.ofPassword("same");

    assertThat(first.encoded()).isNotEqualTo(second.encoded());
    assertThat(salt(first)).isNotEqualTo(salt(second));
    assertThat(first.verify("same")).isTrue();
    assertThat(second.verify("same")).isTrue();
  }

  @Test
  void storesPbkdf2AsTheJdkComputesIt() throws Exception {
    PasswordHash hash = PasswordHash.ofPassword("pw");
    String[] parts = hash.encoded().split("\\$");

    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo("100000");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    assertThat(salt).hasSize(16);
    byte[] expected =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("pw".toCharArray(), salt, 100_000, 256))
            .getEncoded();
    assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
  }

  @Test
  void hashesTokensWithSha256() throws Exception {
    String token = PasswordHash.newToken();
    PasswordHash hash = PasswordHash.ofToken(token);

    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(hash.encoded()).isEqualTo("sha256$" + expected);
    assertThat(hash.isPassword()).isFalse();
    assertThat(hash.verify(token)).isTrue();
    assertThat(hash.verify(token + "x")).isFalse();
    assertThat(PasswordHash.newToken()).isNotEqualTo(token);
  }

  @Test
  void refusesWhatIsNotAHashWithoutEchoingIt() {
    assertThatThrownBy(() -> new PasswordHash("hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(7 characters, not shown)")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void doesNotShowTheHashInItsText() {
    PasswordHash hash = PasswordHash.ofPassword("pw");

    assertThat(hash.toString()).isEqualTo("PasswordHash[pbkdf2-sha256]");
  }

  private static String salt(PasswordHash hash) {
    return hash.encoded().split("\\$")[2];
  }
}
