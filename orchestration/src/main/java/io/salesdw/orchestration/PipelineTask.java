package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One step of the pipeline DAG: its id (also the Airflow task id), the tasks it waits for, how
 * often a failed attempt is retried and after how long (doubled on each retry), and how production
 * runs it.
 *
 * @param retries retries after the first attempt (0: one attempt only)
 * @param retryDelay the wait before the first retry; the n-th retry waits {@code retryDelay *
 *     2^(n-1)}
 */
public record PipelineTask(
    String id,
    String description,
    List<String> dependsOn,
    int retries,
    Duration retryDelay,
    TaskKind kind) {
  // Airflow task ids allow more, but these ids also name JSON keys and shell arguments.
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  public PipelineTask {
    requireNonNull(id, "id is null");
    requireNonNull(description, "description is null");
    requireNonNull(retryDelay, "retryDelay is null");
    requireNonNull(kind, "kind is null");
    dependsOn = List.copyOf(dependsOn);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("task id must match [a-z][a-z0-9_]*: '" + id + "'");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries is negative: " + retries + " for " + id);
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay is negative for " + id);
    }
    if (new HashSet<>(dependsOn).size() != dependsOn.size()) {
      throw new IllegalArgumentException("task " + id + " lists a dependency twice: " + dependsOn);
    }
  }

  /** The wait before retry number {@code retry} (1-based): the delay doubled per earlier retry. */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based: " + retry);
    }
    return retryDelay.multipliedBy(1L << Math.min(retry - 1, 20));
  }
}
