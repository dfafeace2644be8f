package io.salesdw.orchestration;

import java.time.Duration;
import java.time.YearMonth;

/** Told as a run goes, for progress on a console; every method does nothing by default. */
public interface RunListener {
  /** An attempt of {@code task} starts (1 for the first). */
  default void attemptStarted(YearMonth month, PipelineTask task, int attempt) {}

  /** An attempt threw and the task will be tried again after {@code delay}. */
  default void retrying(
      YearMonth month, PipelineTask task, int attempt, Exception failure, Duration delay) {}

  /** A task is settled for this run (including up to date and not run). */
  default void taskFinished(YearMonth month, TaskReport report) {}
}
