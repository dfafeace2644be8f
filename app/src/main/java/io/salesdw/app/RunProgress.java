package io.salesdw.app;

import io.salesdw.orchestration.PipelineTask;
import io.salesdw.orchestration.RunListener;
import io.salesdw.orchestration.TaskReport;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;

/** Progress of a pipeline run on the console: each attempt, each retry, each settled task. */
final class RunProgress implements RunListener {
  private final Console console;

  RunProgress(Console console) {
    this.console = console;
  }

  @Override
  public void attemptStarted(YearMonth month, PipelineTask task, int attempt) {
    console.progress(
        String.format(
            Locale.ROOT,
            "[%s] %s: %s%s",
            month,
            task.id(),
            task.description(),
            attempt == 1 ? "" : " (attempt " + attempt + " of " + (task.retries() + 1) + ")"));
  }

  @Override
  public void retrying(
      YearMonth month, PipelineTask task, int attempt, Exception failure, Duration delay) {
    console.progress(
        String.format(
            Locale.ROOT,
            "[%s] %s: attempt %d failed (%s); retrying in %s",
            month,
            task.id(),
            attempt,
            failure.getMessage(),
            Console.seconds(delay)));
  }

  @Override
  public void taskFinished(YearMonth month, TaskReport report) {
    console.progress(
        String.format(
            Locale.ROOT,
            "[%s] %s: %s%s — %s",
            month,
            report.task(),
            report.disposition().name().toLowerCase(Locale.ROOT),
            report.disposition().ran() ? " in " + Console.seconds(report.elapsed()) : "",
            report.message()));
  }
}
