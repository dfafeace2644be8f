package io.salesdw.serve;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The user-facing errors of the serve module: each says the problem and how to fix it. */
final class ServeErrors {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private ServeErrors() {}

  static SalesdwException invalidConfig(String origin, List<String> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "the serve configuration "
            + origin
            + " has "
            + issues.size()
            + (issues.size() == 1 ? " problem" : " problems")
            + ":\n  "
            + String.join("\n  ", issues));
  }

  static SalesdwException unreadableConfig(Path file, Exception cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "cannot read the serve configuration " + file + " (" + cause.getMessage() + ")",
        cause);
  }

  /** The same for a wrong user, a wrong password and an unknown token: guessers learn nothing. */
  static SalesdwException wrongCredentials() {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "log-in refused: wrong user name, password or token. Check them, or ask the server's"
            + " administrator.");
  }

  static SalesdwException tooManyFailedLogins(Instant until, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "log-in refused: too many failed log-ins lately; retry after "
            + UTC_TIME.format(until)
            + " UTC (in "
            + seconds
            + " s).");
  }
}
