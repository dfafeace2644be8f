package io.salesdw.serve.flight;

import io.salesdw.semantic.access.QueryOutcome;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Flight's statuses for the service's errors, each with the layer's own message, so that a client
 * shows why a query failed and what to do.
 */
final class FlightErrors {
  private FlightErrors() {}

  static FlightRuntimeException of(Throwable failure) {
    if (failure instanceof FlightRuntimeException) {
      return (FlightRuntimeException) failure;
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return status(QueryOutcome.of(failure))
        .withDescription(message)
        .withCause(failure)
        .toRuntimeException();
  }

  static CallStatus status(QueryOutcome outcome) {
    switch (outcome) {
      case INVALID:
        return CallStatus.INVALID_ARGUMENT;
      case DENIED:
        // Flight's UNAUTHORIZED is gRPC's PERMISSION_DENIED.
        return CallStatus.UNAUTHORIZED;
      case TIMED_OUT:
        return CallStatus.TIMED_OUT;
      case TOO_MANY_ROWS:
      case TOO_MANY_QUERIES:
        return CallStatus.RESOURCE_EXHAUSTED;
      case CANCELLED:
        return CallStatus.CANCELLED;
      default:
        return CallStatus.INTERNAL;
    }
  }

  static FlightRuntimeException unauthenticated(String message) {
    return CallStatus.UNAUTHENTICATED.withDescription(message).toRuntimeException();
  }

  static FlightRuntimeException noCredentials() {
    return unauthenticated(
        "this server requires a log-in: connect with a user name and password (JDBC: user=…"
            + " and password=… in the URL) or with an access token (JDBC: token=…)");
  }

  static FlightRuntimeException noSuchStatement() {
    return CallStatus.NOT_FOUND
        .withDescription(
            "no such statement: it was closed, already read, or belongs to another session;"
                + " run the query again")
        .toRuntimeException();
  }

  static FlightRuntimeException readOnly() {
    return CallStatus.UNIMPLEMENTED
        .withDescription("the semantic layer is read-only: only queries are served")
        .toRuntimeException();
  }
}
