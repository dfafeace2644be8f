package io.salesdw.serve.avatica;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.QueryOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * The Avatica endpoint's errors as the thin driver receives them: an Avatica error response whose
 * message is the service's, unchanged, and whose SQLState says what kind of failure it is. The
 * driver reports it as {@code SQLException} "Error -1 (state) : … message".
 */
final class AvaticaErrors {
  /** SQLState of a refused log-in: invalid authorization specification. */
  static final String AUTHENTICATION_STATE = "28000";

  /** SQLState of a query the user's role may not run: insufficient privilege. */
  static final String DENIED_STATE = "42501";

  /** SQLState of a query stopped by its timeout or by the client: query canceled. */
  static final String CANCELLED_STATE = "57014";

  /** SQLState of a query over a limit (rows, queries at once): program limit exceeded. */
  static final String LIMIT_STATE = "54000";

  /** SQLState of a query the user must fix: syntax error or access rule violation. */
  static final String INVALID_STATE = "42000";

  /** SQLState of a failing engine or file system: system error. */
  static final String EXTERNAL_STATE = "58000";

  /** SQLState of a bug in salesdw: internal error. */
  static final String INTERNAL_STATE = "XX000";

  /** SQLState of a call on a connection that is not (or no longer) open. */
  static final String NO_CONNECTION_STATE = "08003";

  // salesdw tells errors apart by SQLState; Avatica's numeric code stays "unknown".
  private static final int UNKNOWN_ERROR_CODE = Service.ErrorResponse.UNKNOWN_ERROR_CODE;

  /** SQLState of a statement that is not (or no longer) prepared: invalid SQL statement name. */
  static final String NO_STATEMENT_STATE = "26000";

  private static final ProtobufTranslation PROTOBUF = new ProtobufTranslationImpl();

  private AvaticaErrors() {}

  /** The SQLState of a failed query or call, from its {@link QueryOutcome}. */
  static String sqlState(SalesdwException error) {
    return switch (QueryOutcome.of(error)) {
      case DENIED -> DENIED_STATE;
      case TIMED_OUT, CANCELLED -> CANCELLED_STATE;
      case TOO_MANY_ROWS, TOO_MANY_QUERIES -> LIMIT_STATE;
      case INVALID -> INVALID_STATE;
      default -> error.kind() == ErrorKind.INTERNAL ? INTERNAL_STATE : EXTERNAL_STATE;
    };
  }

  /** The service's error as Avatica's, its message unchanged. */
  static AvaticaRuntimeException of(SalesdwException error) {
    return error(error.getMessage(), sqlState(error));
  }

  static AvaticaRuntimeException error(String message, String sqlState) {
    return new AvaticaRuntimeException(
        message, UNKNOWN_ERROR_CODE, sqlState, AvaticaSeverity.ERROR);
  }

  static AvaticaRuntimeException noSuchConnection(String connectionId) {
    return error(
        "There is no open connection "
            + connectionId
            + " on this salesdw endpoint (it was closed, or the server restarted). Open a new"
            + " connection.",
        NO_CONNECTION_STATE);
  }

  static AvaticaRuntimeException notYourConnection(String connectionId, String user) {
    return error(
        "Connection "
            + connectionId
            + " was opened by another user, not by "
            + user
            + "; a connection serves only the user who opened it. Open a connection of your own.",
        AUTHENTICATION_STATE);
  }

  static AvaticaRuntimeException noSuchStatement(String connectionId, int statementId) {
    return error(
        "There is no prepared statement "
            + statementId
            + " on connection "
            + connectionId
            + " (it was closed). Prepare it again.",
        NO_STATEMENT_STATE);
  }

  static AvaticaRuntimeException parametersNotSupported(String sql) {
    return error(
        "The query has '?' parameters, which the salesdw endpoint does not bind yet: "
            + sql
            + ". Write the values into the SQL as literals.",
        INVALID_STATE);
  }

  static AvaticaRuntimeException readOnly() {
    return error(
        "The semantic layer is read-only: it runs queries, not batches of updates. Run each query"
            + " with executeQuery.",
        INVALID_STATE);
  }

  /**
   * An Avatica error response (protobuf) for a request refused before Avatica saw it, such as a
   * failed log-in: the body the thin driver reads to report {@code message}.
   */
  static byte[] errorResponse(String message, String sqlState) {
    try {
      return PROTOBUF.serializeResponse(
          new Service.ErrorResponse(
              List.of(), message, UNKNOWN_ERROR_CODE, sqlState, AvaticaSeverity.ERROR, null));
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode an Avatica error response", e);
    }
  }
}
