package io.salesdw.orchestration;

/** What became of a task in one run. */
public enum TaskDisposition {
  /** Ran and did its work. */
  SUCCEEDED,
  /** Ran and chose to do nothing, with a reason. */
  SKIPPED,
  /** Not run: it had finished before on the same inputs. */
  UP_TO_DATE,
  /** Ran, and every attempt threw. */
  FAILED,
  /** Ran, and a data-quality gate failed. */
  GATE_FAILED,
  /** Not run because a task it depends on did not finish. */
  NOT_RUN;

  /** Whether the task ran in this run (as opposed to being up to date or blocked). */
  public boolean ran() {
    return this == SUCCEEDED || this == SKIPPED || this == FAILED || this == GATE_FAILED;
  }

  /** Whether the task is finished after this run. */
  public boolean finished() {
    return this == SUCCEEDED || this == SKIPPED || this == UP_TO_DATE;
  }
}
