package io.salesdw.contracts;

/**
 * Who has to act on a {@link SalesdwException}: the user (bad input or arguments), an external
 * system (a server, a file system), or us (a bug).
 */
public enum ErrorKind {
  /** Bad arguments, configuration or input data: the message says how to fix it. */
  USER_ERROR(2),
  /** An external system failed or is unreachable: a retry or an operator may fix it. */
  EXTERNAL(3),
  /** A bug in salesdw. */
  INTERNAL(70);

  private final int exitCode;

  ErrorKind(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI uses for errors of this kind. */
  public int exitCode() {
    return exitCode;
  }
}
