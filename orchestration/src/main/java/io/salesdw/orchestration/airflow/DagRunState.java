package io.salesdw.orchestration.airflow;

import java.util.Locale;

/** The state of a DAG run, as both Airflow APIs name it. */
public enum DagRunState {
  QUEUED,
  RUNNING,
  SUCCESS,
  FAILED;

  /** Whether the run has ended, well or badly; polling stops here. */
  public boolean isTerminal() {
    return this == SUCCESS || this == FAILED;
  }

  /** The API's spelling: {@code queued}, {@code running}, {@code success}, {@code failed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DagRunState of(String label) {
    for (DagRunState state : values()) {
      if (state.label().equals(label)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown DAG run state: " + label);
  }
}
