package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * The recorded last run of one task for one month: how it ended, after how many attempts, when, its
 * message, the counts it reported, and the fingerprint of the inputs it ran on.
 */
public record TaskRunState(
    String task,
    TaskStatus status,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    String message,
    String fingerprint,
    Map<String, Long> metrics) {
  public TaskRunState {
    requireNonNull(task, "task is null");
    requireNonNull(status, "status is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(message, "message is null");
    requireNonNull(fingerprint, "fingerprint is null");
    metrics = Map.copyOf(metrics);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts is negative: " + attempts);
    }
  }
}
