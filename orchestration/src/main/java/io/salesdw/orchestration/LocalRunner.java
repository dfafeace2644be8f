package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the pipeline DAG for a month on this machine, task after task in topological order.
 *
 * <ul>
 *   <li><b>Retries</b>: an attempt that throws is tried again up to the task's retries, after its
 *       backoff; a gate failure is a finding and a user error (bad input) needs a person, so
 *       neither is retried.
 *   <li><b>Resumable</b>: each task's outcome is recorded as soon as it settles; a later run skips
 *       the finished tasks and starts at the one that failed.
 *   <li><b>Idempotent</b>: a finished task whose input fingerprint (its own inputs, the month and
 *       its upstream tasks' fingerprints) is unchanged is not run again, and a month with nothing
 *       to run leaves its state file untouched.
 * </ul>
 *
 * A task whose upstream did not finish is not run; tasks on other branches still are.
 */
public final class LocalRunner {
  private final PipelineDag dag;
  private final Map<String, TaskAction> actions;
  private final RunStateStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RunListener listener;

  /**
   * @param actions one per task of {@code dag}, by task id
   */
  public LocalRunner(
      PipelineDag dag,
      Map<String, TaskAction> actions,
      RunStateStore store,
      Clock clock,
      Sleeper sleeper,
      RunListener listener) {
    this.dag = requireNonNull(dag, "dag is null");
    this.actions = Map.copyOf(actions);
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.listener = requireNonNull(listener, "listener is null");
    Set<String> ids = new TreeSet<>();
    dag.order().forEach(task -> ids.add(task.id()));
    if (!ids.equals(new TreeSet<>(actions.keySet()))) {
      throw new IllegalArgumentException(
          "actions must cover the DAG's tasks exactly: tasks "
              + ids
              + ", actions "
              + new TreeSet<>(actions.keySet()));
    }
  }

  /** Runs every task of the DAG for {@code month}. */
  public MonthRun run(YearMonth month) {
    return run(month, dag.order());
  }

  /**
   * Runs one task for {@code month} as a scheduler that tracks dependencies itself would (Airflow):
   * its upstream tasks are not checked or run, only used for the fingerprint.
   */
  public MonthRun runTask(YearMonth month, String taskId) {
    PipelineTask task =
        dag.task(taskId)
            .orElseThrow(
                () ->
                    OrchestrationErrors.unknownTask(
                        taskId, dag.order().stream().map(PipelineTask::id).toList()));
    return run(month, List.of(task));
  }

  /** Runs the months {@code from} to {@code to} in order, stopping after the first that fails. */
  public List<MonthRun> backfill(YearMonth from, YearMonth to) {
    if (from.isAfter(to)) {
      throw OrchestrationErrors.backwardRange(from, to);
    }
    List<MonthRun> runs = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      MonthRun run = run(month);
      runs.add(run);
      if (!run.succeeded()) {
        break;
      }
    }
    return runs;
  }

  private MonthRun run(YearMonth month, List<PipelineTask> selected) {
    MonthState state = store.load(month);
    Map<String, String> fingerprints = new HashMap<>();
    Set<String> unfinished = new HashSet<>();
    Set<String> ranNow = new HashSet<>();
    List<TaskReport> reports = new ArrayList<>();
    boolean single = selected.size() == 1 && dag.order().size() > 1;
    for (PipelineTask task : selected) {
      TaskReport report;
      Optional<String> blocker =
          single
              ? Optional.empty()
              : task.dependsOn().stream().filter(unfinished::contains).findFirst();
      if (blocker.isPresent()) {
        report =
            TaskReport.notRun(
                task.id(), "not run: upstream task " + blocker.get() + " did not finish");
      } else {
        String fingerprint;
        try {
          fingerprint = fingerprint(month, task, fingerprints);
        } catch (Exception e) {
          report =
              failed(task, 0, Duration.ZERO, "cannot read the task's inputs: " + e.getMessage(), e);
          state = record(state, task, report, clock.instant(), clock.instant(), "");
          unfinished.add(task.id());
          reports.add(report);
          listener.taskFinished(month, report);
          continue;
        }
        Optional<TaskRunState> previous = state.task(task.id());
        boolean upstreamRan = task.dependsOn().stream().anyMatch(ranNow::contains);
        if (!upstreamRan
            && previous.isPresent()
            && previous.get().status().finished()
            && previous.get().fingerprint().equals(fingerprint)) {
          report =
              new TaskReport(
                  task.id(),
                  TaskDisposition.UP_TO_DATE,
                  0,
                  Duration.ZERO,
                  "up to date (finished " + previous.get().finishedAt() + ")",
                  previous.get().metrics(),
                  List.of(),
                  Optional.empty());
        } else {
          Instant started = clock.instant();
          report = attempt(month, task);
          state = record(state, task, report, started, clock.instant(), fingerprint);
          ranNow.add(task.id());
        }
      }
      if (!report.disposition().finished()) {
        unfinished.add(task.id());
      }
      reports.add(report);
      listener.taskFinished(month, report);
    }
    return new MonthRun(month, reports);
  }

  private TaskReport attempt(YearMonth month, PipelineTask task) {
    TaskAction action = actions.get(task.id());
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      listener.attemptStarted(month, task, attempt);
      try {
        TaskOutcome outcome = action.run(month);
        Duration elapsed = Duration.between(started, clock.instant());
        return new TaskReport(
            task.id(),
            disposition(outcome.status()),
            attempt,
            elapsed,
            outcome.message(),
            outcome.metrics(),
            outcome.violations(),
            Optional.empty());
      } catch (Exception e) {
        if (attempt > task.retries() || !retryable(e)) {
          String message =
              "failed after "
                  + attempt
                  + (attempt == 1 ? " attempt: " : " attempts: ")
                  + describe(e);
          return failed(task, attempt, Duration.between(started, clock.instant()), message, e);
        }
        Duration delay = task.backoff(attempt);
        listener.retrying(month, task, attempt, e, delay);
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return failed(
              task,
              attempt,
              Duration.between(started, clock.instant()),
              "interrupted while waiting to retry after: " + describe(e),
              e);
        }
      }
    }
  }

  // Bad input or arguments do not fix themselves while we wait; everything else may be transient.
  private static boolean retryable(Exception e) {
    return !(e instanceof SalesdwException salesdw && salesdw.kind() == ErrorKind.USER_ERROR);
  }

  private static TaskReport failed(
      PipelineTask task, int attempts, Duration elapsed, String message, Exception cause) {
    return new TaskReport(
        task.id(),
        TaskDisposition.FAILED,
        attempts,
        elapsed,
        message,
        Map.of(),
        List.of(),
        Optional.of(cause));
  }

  private MonthState record(
      MonthState state,
      PipelineTask task,
      TaskReport report,
      Instant started,
      Instant finished,
      String fingerprint) {
    MonthState updated =
        state.with(
            new TaskRunState(
                task.id(),
                status(report.disposition()),
                report.attempts(),
                started,
                finished,
                report.message(),
                fingerprint,
                report.metrics()));
    // Saved per task, so a run killed half-way still resumes after its last finished task.
    store.save(updated);
    return updated;
  }

  private String fingerprint(YearMonth month, PipelineTask task, Map<String, String> known)
      throws Exception {
    String cached = known.get(task.id());
    if (cached != null) {
      return cached;
    }
    MessageDigest digest = sha256();
    update(digest, task.id());
    update(digest, month.toString());
    update(digest, actions.get(task.id()).inputFingerprint(month));
    for (String dependency : task.dependsOn()) {
      update(digest, dependency);
      update(digest, fingerprint(month, dag.task(dependency).orElseThrow(), known));
    }
    String fingerprint = HexFormat.of().formatHex(digest.digest());
    known.put(task.id(), fingerprint);
    return fingerprint;
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static TaskDisposition disposition(TaskStatus status) {
    switch (status) {
      case SUCCEEDED:
        return TaskDisposition.SUCCEEDED;
      case SKIPPED:
        return TaskDisposition.SKIPPED;
      case GATE_FAILED:
        return TaskDisposition.GATE_FAILED;
      default:
        return TaskDisposition.FAILED;
    }
  }

  private static TaskStatus status(TaskDisposition disposition) {
    switch (disposition) {
      case SUCCEEDED:
        return TaskStatus.SUCCEEDED;
      case SKIPPED:
        return TaskStatus.SKIPPED;
      case GATE_FAILED:
        return TaskStatus.GATE_FAILED;
      default:
        return TaskStatus.FAILED;
    }
  }
}
