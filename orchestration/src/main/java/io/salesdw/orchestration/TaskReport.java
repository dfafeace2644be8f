package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task in one run: what became of it, attempts made, time spent, its message and counts, the
 * gate violations that stopped it, and the exception of its last failed attempt.
 */
public record TaskReport(
    String task,
    TaskDisposition disposition,
    int attempts,
    Duration elapsed,
    String message,
    Map<String, Long> metrics,
    List<GateViolation> violations,
    Optional<Exception> failure) {
  public TaskReport {
    requireNonNull(task, "task is null");
    requireNonNull(disposition, "disposition is null");
    requireNonNull(elapsed, "elapsed is null");
    requireNonNull(message, "message is null");
    metrics = Map.copyOf(metrics);
    violations = List.copyOf(violations);
    requireNonNull(failure, "failure is null");
  }

  static TaskReport notRun(String task, String message) {
    return new TaskReport(
        task,
        TaskDisposition.NOT_RUN,
        0,
        Duration.ZERO,
        message,
        Map.of(),
        List.of(),
        Optional.empty());
  }
}
