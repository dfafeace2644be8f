package io.salesdw.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.orchestration.airflow.AirflowApiVersion;
import io.salesdw.orchestration.airflow.AirflowClient;
import io.salesdw.orchestration.airflow.AirflowConnection;
import io.salesdw.orchestration.airflow.DagRun;
import io.salesdw.orchestration.airflow.DagRunState;
import io.salesdw.orchestration.airflow.LogicalMonth;
import io.salesdw.orchestration.airflow.PollPolicy;
import io.salesdw.orchestration.airflow.TaskInstance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Drives the production pipeline on Airflow: trigger a month, follow it, show tasks and logs. */
@Command(
    mixinStandardHelpOptions = true,
    name = "airflow",
    description = {
      "Trigger the salesdw DAG on Airflow (2 or 3) for a month, follow it to the end, and show"
          + " task states and logs.",
      "The password comes from --password-file, the AIRFLOW_PASSWORD environment variable, or a"
          + " prompt; it is never printed.",
      "Exit codes: 0 the run succeeded (or is still going, for trigger without --wait and"
          + " status), 1 the run failed, 2 bad arguments, credentials, DAG or duplicate month, 3"
          + " Airflow unreachable, too slow, or the wait timed out."
    },
    subcommands = {
      AirflowCommand.Trigger.class,
      AirflowCommand.Status.class,
      AirflowCommand.Logs.class
    })
final class AirflowCommand implements Callable<Integer> {
  static final String PASSWORD_VARIABLE = "AIRFLOW_PASSWORD";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Where Airflow is, how to log in, and which DAG and month. */
  static final class Target {
    @Option(
        names = "--url",
        required = true,
        paramLabel = "URL",
        description = "Airflow's root URL, e.g. http://airflow:8080 (without /api/...).")
    URI url;

    @Option(
        names = "--user",
        defaultValue = "admin",
        description = "Airflow user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description =
            "Read the password from the first line of this file; else from "
                + PASSWORD_VARIABLE
                + ", else a prompt.")
    Path passwordFile;

    @Option(
        names = "--api",
        paramLabel = "v1|v2",
        description =
            "Airflow 2's /api/v1 (basic auth) or Airflow 3's /api/v2 (JWT); default: probe the"
                + " server.")
    String api;

    @Option(
        names = "--dag",
        defaultValue = "salesdw_monthly",
        description = "The DAG (default: ${DEFAULT-VALUE}).")
    String dag;

    @Option(
        names = "--month",
        required = true,
        paramLabel = "yyyy-MM",
        description = "The logical month; its run id is salesdw__yyyy-MM.")
    YearMonth month;

    @Option(
        names = "--request-timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description = "How long to wait for one answer from Airflow (default: ${DEFAULT-VALUE}).")
    double requestTimeout;

    AirflowClient connect(CommandSpec spec, Console console) {
      AirflowConnection connection =
          new AirflowConnection(
              url,
              user,
              password(spec),
              apiVersion(),
              AirflowConnection.DEFAULT_CONNECT_TIMEOUT,
              seconds(requestTimeout, "--request-timeout"));
      AirflowClient client = AirflowClient.connect(connection);
      console.progress(
          client.apiVersion().airflow()
              + " ("
              + client.apiVersion().basePath()
              + ") at "
              + connection.url()
              + " as "
              + user);
      return client;
    }

    String runId() {
      return new LogicalMonth(month).runId();
    }

    private Optional<AirflowApiVersion> apiVersion() {
      if (api == null) {
        return Optional.empty();
      }
      for (AirflowApiVersion version : AirflowApiVersion.values()) {
        if (version.label().equalsIgnoreCase(api.strip())) {
          return Optional.of(version);
        }
      }
      throw new SalesdwException(
          ErrorKind.USER_ERROR, "--api '" + api + "' is not an Airflow API; use v1 or v2.");
    }

    private String password(CommandSpec spec) {
      if (passwordFile != null) {
        try {
          return Files.readAllLines(passwordFile, UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
          throw new SalesdwException(
              ErrorKind.USER_ERROR,
              "Cannot read the password file " + passwordFile + " (" + e + ").",
              e);
        }
      }
      String variable = System.getenv(PASSWORD_VARIABLE);
      if (variable != null) {
        return variable;
      }
      java.io.Console terminal = System.console();
      if (terminal != null) {
        char[] typed = terminal.readPassword("Airflow password for %s at %s: ", user, url);
        if (typed != null) {
          return new String(typed);
        }
      }
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "No Airflow password: set "
              + PASSWORD_VARIABLE
              + ", give --password-file FILE, or run in a terminal to be asked.");
    }
  }

  /** Triggers the month's run, and with --wait follows it to the end. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "trigger",
      description = {
        "Trigger the DAG's run for a month (run id salesdw__yyyy-MM, logical date the first of"
            + " the month in UTC, conf {month}); with --wait poll it until it ends and show its"
            + " tasks.",
        "A month triggered before is refused (exit 2) unless --rerun, which clears that run so"
            + " all its tasks run again."
      })
  static final class Trigger implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConsoleOptions consoleOptions;
    @Mixin Target target;

    @Option(names = "--wait", description = "Poll the run until it succeeds or fails.")
    boolean waitForEnd;

    @Option(names = "--rerun", description = "If the month has a run, clear it to run again.")
    boolean rerun;

    @Option(
        names = "--poll-interval",
        paramLabel = "SECONDS",
        defaultValue = "5",
        description = "First pause between polls, doubling up to 60 s (default: ${DEFAULT-VALUE}).")
    double pollInterval;

    @Option(
        names = "--wait-timeout",
        paramLabel = "MINUTES",
        defaultValue = "360",
        description = "Give up waiting after this long (default: ${DEFAULT-VALUE}).")
    double waitTimeout;

    @Option(names = "--json", description = "Print the run and its tasks as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      AirflowClient client = target.connect(spec, console);
      PollPolicy policy =
          PollPolicy.DEFAULT
              .withInitialInterval(seconds(pollInterval, "--poll-interval"))
              .withTimeout(seconds(waitTimeout * 60, "--wait-timeout"));
      DagRun run = client.trigger(target.dag, new LogicalMonth(target.month), rerun);
      console.progress(
          (rerun ? "Triggered (or cleared to run again) " : "Triggered ")
              + run.runId()
              + " of "
              + run.dagId()
              + ", logical date "
              + run.logicalDate().map(Instant::toString).orElse("none")
              + ": "
              + run.state().label());
      if (!waitForEnd) {
        if (json) {
          JsonOutput.print(console, document(client, run, List.of()));
        } else {
          console.result(run.runId() + " " + run.state().label());
        }
        return ExitCode.OK;
      }
      long started = System.nanoTime();
      DagRun done =
          client.awaitCompletion(
              run.dagId(),
              run.runId(),
              policy,
              polled ->
                  console.progress(
                      polled.runId()
                          + ": "
                          + polled.state().label()
                          + " after "
                          + Console.seconds(Duration.ofNanos(System.nanoTime() - started))));
      return report(console, client, done, json);
    }
  }

  /** Shows the month's run state and its task states. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "status",
      description = "Show the state of the month's run and of each of its tasks.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConsoleOptions consoleOptions;
    @Mixin Target target;

    @Option(names = "--json", description = "Print the run and its tasks as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      AirflowClient client = target.connect(spec, console);
      return report(console, client, client.run(target.dag, target.runId()), json);
    }
  }

  /** Prints one try of a task's log. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "logs",
      description = "Print the log of a task of the month's run (its latest try unless --try).")
  static final class Logs implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConsoleOptions consoleOptions;
    @Mixin Target target;

    @Option(names = "--task", required = true, description = "The task id, e.g. transform.")
    String task;

    @Option(names = "--try", paramLabel = "N", description = "The try, from 1; default latest.")
    Integer tryNumber;

    @Option(names = "--json", description = "Print {task_id, try_number, log} as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      AirflowClient client = target.connect(spec, console);
      String runId = target.runId();
      int attempt = tryNumber != null ? tryNumber : latestTry(client, runId);
      if (attempt < 1) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR, "--try counts from 1, not " + attempt + ".");
      }
      String log = client.log(target.dag, runId, task, attempt);
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("dag_id", target.dag);
        document.put("run_id", runId);
        document.put("task_id", task);
        document.put("try_number", attempt);
        document.put("log", log);
        JsonOutput.print(console, document);
      } else {
        console.out().print(log);
        console.out().flush();
      }
      console.progress("Log of " + task + ", try " + attempt + ", in " + runId);
      return ExitCode.OK;
    }

    private int latestTry(AirflowClient client, String runId) {
      for (TaskInstance instance : client.taskInstances(target.dag, runId)) {
        if (instance.taskId().equals(task)) {
          if (instance.tryNumber() < 1) {
            throw new SalesdwException(
                ErrorKind.USER_ERROR,
                "Task " + task + " of " + runId + " has not run yet, so it has no log.");
          }
          return instance.tryNumber();
        }
      }
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "Run " + runId + " of " + target.dag + " has no task " + task + ".");
    }
  }

  /** The run and its tasks, as a table or JSON, a summary line, and the exit code of its state. */
  private static int report(Console console, AirflowClient client, DagRun run, boolean json) {
    List<TaskInstance> tasks = client.taskInstances(run.dagId(), run.runId());
    if (json) {
      JsonOutput.print(console, document(client, run, tasks));
    } else {
      console.result(run.runId() + " " + run.state().label());
      TextTable table =
          new TextTable(
              List.of("task", "state", "try", "duration_s"), List.of(false, false, true, true));
      for (TaskInstance task : tasks) {
        table.add(
            List.of(
                task.taskId(),
                task.state().orElse(""),
                String.valueOf(task.tryNumber()),
                task.duration().map(d -> String.format(Locale.ROOT, "%.1f", d)).orElse("")));
      }
      table.print(console);
    }
    Map<String, Integer> counts = new TreeMap<>();
    tasks.forEach(task -> counts.merge(task.state().orElse("no state"), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((state, count) -> parts.add(count + " " + state));
    console.progress(
        run.runId()
            + " of "
            + run.dagId()
            + ": "
            + run.state().label()
            + "; "
            + tasks.size()
            + " tasks: "
            + String.join(", ", parts));
    return run.state() == DagRunState.FAILED ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  private static Map<String, Object> document(
      AirflowClient client, DagRun run, List<TaskInstance> tasks) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("api", client.apiVersion().label());
    document.put("dag_id", run.dagId());
    document.put("run_id", run.runId());
    document.put("state", run.state().label());
    document.put("logical_date", run.logicalDate().map(Instant::toString).orElse(null));
    document.put("start_date", run.startDate().map(Instant::toString).orElse(null));
    document.put("end_date", run.endDate().map(Instant::toString).orElse(null));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TaskInstance task : tasks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task_id", task.taskId());
      row.put("state", task.state().orElse(null));
      row.put("try_number", task.tryNumber());
      row.put("duration_s", task.duration().orElse(null));
      rows.add(row);
    }
    document.put("tasks", rows);
    return document;
  }

  private static Duration seconds(double seconds, String option) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR, option + " must be a positive number, not " + seconds + ".");
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
