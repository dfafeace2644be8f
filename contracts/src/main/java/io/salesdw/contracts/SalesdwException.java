package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type for user- and data-facing errors. Made only by the factory methods of each
 * module's {@code *Errors} class, so that every message says the problem, why, and how to fix it,
 * with the specific values (file, line, column, table, metric).
 */
public final class SalesdwException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public SalesdwException(ErrorKind kind, String message) {
    super(requireNonNull(message, "message is null"));
    this.kind = requireNonNull(kind, "kind is null");
  }

  public SalesdwException(ErrorKind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  /** Who has to act on this error. */
  public ErrorKind kind() {
    return kind;
  }
}
