package io.salesdw.app;

import io.salesdw.orchestration.TaskAction;
import io.salesdw.orchestration.TaskOutcome;
import java.time.YearMonth;

/**
 * Stands in for a task whose real action is not in this build yet (the report pack, the Superset
 * sync): it finishes as skipped with the reason, so the month completes and the summary says what
 * was not done. Its fingerprint names it a placeholder, so once the real action is wired in, the
 * months it skipped run that task again.
 */
record PipelinePlaceholderAction(String what, String reason) implements TaskAction {
  @Override
  public TaskOutcome run(YearMonth month) {
    return TaskOutcome.skipped(reason);
  }

  @Override
  public String inputFingerprint(YearMonth month) {
    return "placeholder:" + what + ":" + reason;
  }
}
