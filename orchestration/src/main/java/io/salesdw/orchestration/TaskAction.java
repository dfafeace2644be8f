package io.salesdw.orchestration;

import java.time.YearMonth;

/**
 * What a pipeline task does for a month. The application supplies one per task id; the runner
 * decides when to call it, retries it when it throws, and records the outcome.
 */
public interface TaskAction {
  /**
   * Runs the task for {@code month}. Throwing means the attempt failed and may be retried; a
   * data-quality finding is returned as {@link TaskOutcome#gateFailed}, never thrown.
   */
  TaskOutcome run(YearMonth month) throws Exception;

  /**
   * A fingerprint of what the task reads besides its upstream tasks (files, settings). A task that
   * finished with the same fingerprint, upstream included, is not run again. The default says the
   * task depends on the month and its upstream tasks only.
   */
  default String inputFingerprint(YearMonth month) throws Exception {
    return "";
  }
}
