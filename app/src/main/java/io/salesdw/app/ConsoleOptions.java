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
    }
    return new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
  }
}
