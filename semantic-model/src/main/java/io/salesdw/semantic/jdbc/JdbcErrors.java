package io.salesdw.semantic.jdbc;

import static io.salesdw.contracts.ErrorKind.USER_ERROR;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC driver's user-facing errors, and how every {@link SalesdwException} becomes a {@link
 * SQLException}: the layer's message unchanged, with a SQLState for its kind.
 */
final class JdbcErrors {
  /** SQLState of a bad query or a bad argument: syntax error or access rule violation. */
  static final String USER_ERROR_STATE = "42000";

  /** SQLState of a failing engine or file system: system error (as DB2 and Derby use it). */
  static final String EXTERNAL_STATE = "58000";

  /** SQLState of a bug in salesdw: internal error (as PostgreSQL uses it). */
  static final String INTERNAL_STATE = "XX000";

  /** SQLState of a connection that could not be made. */
  static final String CONNECTION_FAILED_STATE = "08001";

  private JdbcErrors() {}

  static SalesdwException badProperties(List<String> problems, Collection<String> known) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The salesdw connection's properties are not valid: %s. Write the URL as"
                + " jdbc:salesdw:lake=/path/to/lake[;model=/path/to/model-dir] (salesdw reads %s;"
                + " quote a value holding ';' as lake='/a;b').",
            String.join("; ", problems), String.join(" and ", known)));
  }

  static SalesdwException parametersNotSupported(String sql) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The query has a '?' parameter, which the salesdw driver does not bind yet: %s."
                + " Write the value into the SQL as a literal.",
            sql));
  }

  static SalesdwException batchesNotSupported() {
    return new SalesdwException(
        USER_ERROR,
        "The semantic layer is read-only: it runs queries, not batches of updates. Run each query"
            + " with executeQuery.");
  }

  static SalesdwException connectionClosed() {
    return new SalesdwException(
        USER_ERROR,
        "The salesdw connection is closed (its engine with it). Open a new connection.");
  }

  static SalesdwException connectionNotOpen() {
    return new SalesdwException(
        ErrorKind.INTERNAL,
        "The salesdw connection was used before it was opened: connect through"
            + " DriverManager.getConnection(\"jdbc:salesdw:…\").");
  }

  /** The SQLState of an error of this kind. */
  static String sqlState(ErrorKind kind) {
    return switch (kind) {
      case USER_ERROR -> USER_ERROR_STATE;
      case EXTERNAL -> EXTERNAL_STATE;
      case INTERNAL -> INTERNAL_STATE;
    };
  }

  /** The layer's error as JDBC's, its message unchanged. */
  static SQLException sqlException(SalesdwException error) {
    return new SQLException(error.getMessage(), sqlState(error.kind()), error);
  }

  /** A layer's error that made the connection fail. */
  static SQLException connectionFailed(SalesdwException error) {
    return new SQLException(error.getMessage(), CONNECTION_FAILED_STATE, error);
  }

  /**
   * Avatica's exception with the layer's error in its causes, as that error alone; any other as it
   * is. Avatica prefixes messages ("Error while executing SQL …") and sets no SQLState.
   */
  static SQLException unwrap(SQLException avaticaError) {
    return layerError(avaticaError).map(JdbcErrors::sqlException).orElse(avaticaError);
  }

  static Optional<SalesdwException> layerError(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SalesdwException layer) {
        return Optional.of(layer);
      }
    }
    return Optional.empty();
  }
}
