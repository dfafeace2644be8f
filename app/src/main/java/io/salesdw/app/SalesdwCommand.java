package io.salesdw.app;

import io.salesdw.contracts.SalesdwException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code salesdw} command line: one entry point for generating sources, landing them in the
 * lake, building the marts, querying governed metrics, serving, reporting and running the pipeline.
 */
@Command(
    name = "salesdw",
    mixinStandardHelpOptions = true,
    versionProvider = SalesdwVersion.class,
    description = {
      "Sales-analytics lakehouse and governed-metrics semantic layer.",
      "",
      "Start with 'salesdw demo'; every command has --help."
    },
    subcommands = {
      GenerateCommand.class,
      DemoCommand.class,
      IngestCommand.class,
      TransformCommand.class,
      SqlCommand.class,
      TrinoCommand.class,
      MetricsCommand.class,
      ModelCommand.class,
      ServeCommand.class,
      ReportCommand.class,
      RunCommand.class,
      SupersetCommand.class,
      AirflowCommand.class,
      LakeCommand.class,
      BenchCommand.class,
      LtvCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check or data-quality gate failed",
      "2:bad arguments, configuration or input",
      "3:an external system failed",
      "70:internal error (a bug)"
    })
public final class SalesdwCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Runs the CLI and exits the JVM with the command's exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(out, err, args));
  }

  /** Runs the CLI with the given arguments and streams, and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new SalesdwCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(SalesdwCommand::badArguments);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> failure(exception, failed));
    return commandLine.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** One clear line for a bad invocation, and where to read more. */
  private static int badArguments(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    String suggestion = "";
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    failed
        .getErr()
        .printf(
            "%s: %s%s (see '%s --help')%n",
            failed.getCommandSpec().qualifiedName(),
            exception.getMessage().replace('\n', ' ').strip(),
            suggestion,
            failed.getCommandSpec().qualifiedName());
    return ExitCode.USER_ERROR;
  }

  private static int failure(Exception exception, CommandLine failed) {
    String command = failed.getCommandSpec().qualifiedName();
    if (exception instanceof SalesdwException salesdw) {
      failed.getErr().printf("%s: %s%n", command, salesdw.getMessage());
      return salesdw.kind().exitCode();
    }
    failed.getErr().printf("%s: internal error: %s%n", command, exception);
    exception.printStackTrace(failed.getErr());
    return ExitCode.INTERNAL;
  }
}
