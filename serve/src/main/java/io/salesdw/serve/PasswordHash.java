package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of a user's secret, as the configuration holds it: a password as salted
 * PBKDF2-HMAC-SHA256 ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, base64), an access token as
 * its SHA-256 ({@code sha256$<hex>}). Verification compares in constant time.
 *
 * @param encoded the stored form
 */
public record PasswordHash(String encoded) {
  /** Iterations for new hashes: about 100 ms of one core here, per log-in. */
  public static final int ITERATIONS = 100_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final String PBKDF2_PREFIX = "pbkdf2-sha256$";
  private static final String SHA256_PREFIX = "sha256$";
  private static final Pattern PBKDF2 =
      Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
  private static final Pattern SHA256 = Pattern.compile("sha256\\$[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public PasswordHash {
    requireNonNull(encoded, "encoded is null");
    if (!isPasswordHash(encoded) && !isTokenHash(encoded)) {
      throw new IllegalArgumentException(
          "not a stored secret (pbkdf2-sha256$… or sha256$…): " + redacted(encoded));
    }
  }

  /** Hashes a new password with a fresh random salt, for {@code salesdw serve hash-password}. */
  public static PasswordHash ofPassword(String password) {
    requireNonNull(password, "password is null");
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS);
    Base64.Encoder base64 = Base64.getEncoder();
    return new PasswordHash(
        PBKDF2_PREFIX
            + ITERATIONS
            + "$"
            + base64.encodeToString(salt)
            + "$"
            + base64.encodeToString(hash));
  }

  /**
   * Hashes an access token. A token is random and long (see {@link #newToken()}), so there is
   * nothing to guess that a salt or a slow hash would protect: one SHA-256 keeps the file's copy
   * useless to a reader, and checking a token stays cheap.
   */
  public static PasswordHash ofToken(String token) {
    requireNonNull(token, "token is null");
    return new PasswordHash(SHA256_PREFIX + HexFormat.of().formatHex(sha256(token)));
  }

  /** A new random access token: 32 bytes, URL-safe base64. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code encoded} is the stored form of a password. */
  public static boolean isPasswordHash(String encoded) {
    return PBKDF2.matcher(encoded).matches();
  }

  /** Whether {@code encoded} is the stored form of a token. */
  public static boolean isTokenHash(String encoded) {
    return SHA256.matcher(encoded).matches();
  }

  /** Whether this is a password's hash (rather than a token's). */
  public boolean isPassword() {
    return isPasswordHash(encoded);
  }

  /** Whether {@code secret} is the password or token this hash was made from, in constant time. */
  public boolean verify(String secret) {
    requireNonNull(secret, "secret is null");
    Matcher pbkdf2 = PBKDF2.matcher(encoded);
    if (pbkdf2.matches()) {
      Base64.Decoder base64 = Base64.getDecoder();
      byte[] salt = base64.decode(pbkdf2.group(2));
      byte[] expected = base64.decode(pbkdf2.group(3));
      return MessageDigest.isEqual(
          expected, pbkdf2(secret, salt, Integer.parseInt(pbkdf2.group(1))));
    }
    byte[] expected = HexFormat.of().parseHex(encoded.substring(SHA256_PREFIX.length()));
    return MessageDigest.isEqual(expected, sha256(secret));
  }

  @Override
  public String toString() {
    return "PasswordHash[" + (isPassword() ? "pbkdf2-sha256" : "sha256") + "]";
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** What a message may show of a value that may be a secret: its length only. */
  static String redacted(String value) {
    return String.format(Locale.ROOT, "(%d characters, not shown)", value.length());
  }
}
