package io.salesdw.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One task of a DAG run: its state ({@code success}, {@code failed}, {@code upstream_failed}…;
 * empty while the scheduler has not looked at it) and the try whose log to read.
 */
public record TaskInstance(
    String taskId, Optional<String> state, int tryNumber, int mapIndex, Optional<Double> duration) {
  public TaskInstance {
    requireNonNull(taskId, "taskId is null");
    requireNonNull(state, "state is null");
    requireNonNull(duration, "duration is null");
    if (tryNumber < 0) {
      throw new IllegalArgumentException("tryNumber is negative: " + tryNumber);
    }
  }
}
