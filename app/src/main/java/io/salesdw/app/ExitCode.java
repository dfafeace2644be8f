package io.salesdw.app;

/**
 * The exit codes of the {@code salesdw} command, documented in the README so scripts and the
 * orchestrator can tell a bad invocation from a failed external system or a bug.
 */
final class ExitCode {
  /** Everything asked for was done. */
  static final int OK = 0;

  /** The command ran and found a problem it reports (a failed check, a failed gate). */
  static final int CHECK_FAILED = 1;

  /** Bad arguments, configuration or input data; the message says how to fix it. */
  static final int USER_ERROR = 2;

  /** An external system failed: a server, a file system, a network port. */
  static final int EXTERNAL = 3;

  /** A bug in salesdw. */
  static final int INTERNAL = 70;

  private ExitCode() {}
}
