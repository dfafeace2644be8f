package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one attempt of a task came to when it did not throw: done (with a one-line message and
 * counts for the summary), skipped on purpose (with why), or stopped by data-quality gates.
 */
public record TaskOutcome(
    TaskStatus status, String message, Map<String, Long> metrics, List<GateViolation> violations) {
  public TaskOutcome {
    requireNonNull(status, "status is null");
    requireNonNull(message, "message is null");
    metrics = Map.copyOf(metrics);
    violations = List.copyOf(violations);
    if (status == TaskStatus.FAILED) {
      throw new IllegalArgumentException("a failed attempt throws; it has no outcome");
    }
    if ((status == TaskStatus.GATE_FAILED) == violations.isEmpty()) {
      throw new IllegalArgumentException("violations go with GATE_FAILED, and only with it");
    }
  }

  /** The task did its work. */
  public static TaskOutcome done(String message, Map<String, Long> metrics) {
    return new TaskOutcome(TaskStatus.SUCCEEDED, message, metrics, List.of());
  }

  /** The task had nothing to do, for the reason given; it counts as finished. */
  public static TaskOutcome skipped(String reason) {
    return new TaskOutcome(TaskStatus.SKIPPED, "skipped: " + reason, Map.of(), List.of());
  }

  /** Data-quality gates failed; the run stops here and the task is not retried. */
  public static TaskOutcome gateFailed(List<GateViolation> violations) {
    String message =
        violations.stream().map(GateViolation::reason).collect(Collectors.joining("; "));
    return new TaskOutcome(TaskStatus.GATE_FAILED, message, Map.of(), violations);
  }
}
