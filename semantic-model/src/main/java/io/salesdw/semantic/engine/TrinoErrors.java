package io.salesdw.semantic.engine;

import static io.salesdw.contracts.ErrorKind.EXTERNAL;
import static io.salesdw.contracts.ErrorKind.USER_ERROR;

import io.salesdw.contracts.SalesdwException;

/** The Trino engine's user- and server-facing errors: what failed, why, and what to do. */
final class TrinoErrors {
  private TrinoErrors() {}

  static SalesdwException cannotConnect(String url, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot reach Trino at %s: %s. Check that the server runs (scripts/trino start DIR"
                + " starts one on loopback) and that the URL names its host, port and the Delta"
                + " Lake catalog, e.g. jdbc:trino://127.0.0.1:8080/delta_lake.",
            url, cause.getMessage()),
        cause);
  }

  static SalesdwException notRegistered(String catalog, String table, String lake) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The lake table '%s' is not registered in Trino's catalog '%s'. Register the lake's"
                + " tables first: salesdw trino register --lake %s --url <Trino JDBC URL>.",
            table, catalog, lake));
  }

  static SalesdwException executionFailed(String sql, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Trino failed to run the query: %s. The SQL sent was: %s", message(cause), sql),
        cause);
  }

  static SalesdwException registrationFailed(String table, String location, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot register the Delta table '%s' at %s in Trino: %s. Check that the catalog"
                + " has delta.register-table-procedure.enabled=true and that Trino can read the"
                + " path.",
            table, location, message(cause)),
        cause);
  }

  static SalesdwException registeredElsewhere(String table, String registered, String wanted) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "Trino already has a table '%s' at %s, not at %s. Re-run with --replace to point it"
                + " at this lake, or use another schema.",
            table, registered, wanted));
  }

  private static String message(Exception cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
