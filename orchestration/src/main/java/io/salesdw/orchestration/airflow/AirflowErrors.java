package io.salesdw.orchestration.airflow;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.net.URI;
import java.time.Duration;

/**
 * The errors of the Airflow client: each says what failed, with the URL, and what to do. None of
 * them carries the password or a request body.
 */
final class AirflowErrors {
  private AirflowErrors() {}

  static SalesdwException unauthorized(URI url, String user) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Airflow refused the credentials of user '"
            + user
            + "' (401) at "
            + url
            + ". Check --user and the password (AIRFLOW_PASSWORD); on Airflow 2 the API must"
            + " allow basic auth ([api] auth_backends).");
  }

  static SalesdwException forbidden(URI url, String user) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Airflow user '"
            + user
            + "' may not do this (403) at "
            + url
            + ". Ask an Airflow admin for a role that can trigger and read the DAG.");
  }

  static SalesdwException notFound(URI url, String what, String detail) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Airflow has no "
            + what
            + " (404 at "
            + url
            + ": "
            + detail
            + "). Check the name (--dag, --month, --task) and that the DAG file is deployed.");
  }

  static SalesdwException runExists(String dagId, String runId) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "DAG "
            + dagId
            + " already has a run "
            + runId
            + " (409): the month was triggered before. Follow it with 'status', or trigger with"
            + " --rerun to clear that run and run the month again.");
  }

  static SalesdwException rejected(URI url, int status, String detail) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Airflow rejected the request (" + status + " at " + url + "): " + detail);
  }

  static SalesdwException serverError(URI url, int status, String detail) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Airflow failed (" + status + " at " + url + "): " + detail + ". Retry, or see its logs.");
  }

  static SalesdwException timedOut(URI url, Duration timeout) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Airflow did not answer within "
            + seconds(timeout)
            + " at "
            + url
            + ". Check that the server is up and not overloaded, or raise the timeout.");
  }

  static SalesdwException unreachable(URI url, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Cannot reach Airflow at " + url + " (" + cause + "). Check --url and that it is running.",
        cause);
  }

  static SalesdwException badResponse(URI url, String problem) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Airflow's answer at " + url + " is not what its API documents: " + problem);
  }

  static SalesdwException noApi(URI url) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "No Airflow API found at "
            + url
            + ": neither /api/v2/version (Airflow 3) nor /api/v1/version (Airflow 2) answered."
            + " Check --url (the server's root, without /api/...) or give --api v1|v2.");
  }

  static SalesdwException waitTimedOut(DagRun last, Duration timeout) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "DAG run "
            + last.runId()
            + " of "
            + last.dagId()
            + " is still "
            + last.state().label()
            + " after waiting "
            + seconds(timeout)
            + ". It goes on in Airflow; follow it with 'status', or wait longer (--wait-timeout).");
  }

  static SalesdwException interrupted(URI url) {
    return new SalesdwException(ErrorKind.EXTERNAL, "Interrupted while talking to " + url);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
