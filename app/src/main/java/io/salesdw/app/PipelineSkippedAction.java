package io.salesdw.app;

import io.salesdw.orchestration.TaskAction;
import io.salesdw.orchestration.TaskOutcome;
import java.time.YearMonth;

/**
 * Stands in for a task that is not configured (the Superset sync without a Superset URL): it
 * finishes as skipped with the reason, so the month completes and the summary says what was not
 * done. Its fingerprint names it skipped, so once the task is configured, the months it skipped run
 * that task again.
 */
record PipelineSkippedAction(String what, String reason) implements TaskAction {
  @Override
  public TaskOutcome run(YearMonth month) {
    return TaskOutcome.skipped(reason);
  }

  @Override
  public String inputFingerprint(YearMonth month) {
    return "skipped:" + what + ":" + reason;
  }
}
