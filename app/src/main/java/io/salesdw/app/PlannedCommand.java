package io.salesdw.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand whose options and help are declared but whose implementation has not landed in this
 * build. Running it says so in one line and exits with {@link ExitCode#NOT_AVAILABLE}, so a script
 * can tell "not yet" from "failed".
 */
abstract class PlannedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Override
  public final Integer call() {
    spec.commandLine()
        .getErr()
        .printf(
            "%s: not available in this build yet; see the README's roadmap for when it lands%n",
            spec.qualifiedName());
    return ExitCode.NOT_AVAILABLE;
  }
}
