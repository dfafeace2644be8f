package io.salesdw.reports.superset;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.net.URI;

/**
 * The errors of Superset provisioning, each saying what failed, why and what to do. None of them
 * carries the password: it is only ever in the login request's body.
 */
final class SupersetErrors {
  private static final int MAX_DETAIL = 500;

  private SupersetErrors() {}

  static SalesdwException loginRefused(URI url, String user, int status) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Superset at "
            + url
            + " refused the login of user '"
            + user
            + "' (HTTP "
            + status
            + "). Check --user and the password in SUPERSET_PASSWORD.");
  }

  static SalesdwException forbidden(String method, String path, int status, String detail) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Superset refused "
            + method
            + " "
            + path
            + " (HTTP "
            + status
            + ": "
            + shorten(detail)
            + "). The user needs Superset's Admin or Alpha role to provision datasets and"
            + " dashboards.");
  }

  static SalesdwException failed(String method, String path, int status, String detail) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Superset answered "
            + method
            + " "
            + path
            + " with HTTP "
            + status
            + ": "
            + shorten(detail)
            + (status >= 500
                ? ". The server failed; see Superset's log, then run the sync again (it resumes)."
                : ". Nothing after this step was changed; run the sync again once it is fixed."));
  }

  static SalesdwException unreachable(URI url, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Cannot reach Superset at " + url + ": " + cause + ". Check --url and that it is running.",
        cause);
  }

  static SalesdwException badAnswer(String method, String path, String problem) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Superset's answer to " + method + " " + path + " is not what its API defines: " + problem);
  }

  static SalesdwException interrupted(URI url) {
    return new SalesdwException(
        ErrorKind.EXTERNAL, "Interrupted while talking to Superset at " + url);
  }

  static SalesdwException cannotWrite(String file, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL, "Cannot write the Superset bundle " + file + ": " + cause, cause);
  }

  private static String shorten(String detail) {
    String oneLine = detail.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
  }
}
