package io.salesdw.app;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The output options every subcommand shares. */
final class ConsoleOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print no progress on standard error; only the result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log at INFO level (Spark, Delta and salesdw), for diagnosing a run.")
  boolean verbose;

  /** The console of the command being run, with logging set to the chosen level. */
  Console console(CommandSpec spec) {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
    } else {
      // Libraries that log through java.util.logging (the Flight SQL JDBC driver's Arrow) print
      // INFO to standard error by default; the root logger is held by the LogManager, so this
      // level stays.
      java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
    return new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
  }
}
