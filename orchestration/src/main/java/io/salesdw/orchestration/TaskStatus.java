package io.salesdw.orchestration;

/** The recorded result of a task's last run for a month. */
public enum TaskStatus {
  /** Done; a later run with the same inputs skips it. */
  SUCCEEDED,
  /** Finished without work, on purpose (for example no dashboard server configured). */
  SKIPPED,
  /** Every attempt threw; the next run starts again here. */
  FAILED,
  /** A data-quality gate failed; the next run checks again. */
  GATE_FAILED;

  /** Whether a later run may skip the task when its inputs are unchanged. */
  public boolean finished() {
    return this == SUCCEEDED || this == SKIPPED;
  }
}
