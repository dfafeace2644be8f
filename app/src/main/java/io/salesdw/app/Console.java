package io.salesdw.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * What the CLI tells a person: progress lines and warnings on standard error, results on standard
 * output. With {@code --json} only the JSON document goes to standard output, so a program can read
 * it while a person still sees progress.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;

  Console(PrintWriter out, PrintWriter err, boolean quiet) {
    this.out = out;
    this.err = err;
    this.quiet = quiet;
  }

  /** A line of progress on standard error, unless {@code --quiet}. */
  void progress(String message) {
    if (!quiet) {
      err.println(message);
      err.flush();
    }
  }

  /** A line of the command's result on standard output. */
  void result(String line) {
    out.println(line);
    out.flush();
  }

  PrintWriter out() {
    return out;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
