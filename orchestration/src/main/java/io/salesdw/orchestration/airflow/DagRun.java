package io.salesdw.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** One run of a DAG as Airflow reports it. */
public record DagRun(
    String dagId,
    String runId,
    DagRunState state,
    Optional<Instant> logicalDate,
    Optional<Instant> startDate,
    Optional<Instant> endDate) {
  public DagRun {
    requireNonNull(dagId, "dagId is null");
    requireNonNull(runId, "runId is null");
    requireNonNull(state, "state is null");
    requireNonNull(logicalDate, "logicalDate is null");
    requireNonNull(startDate, "startDate is null");
    requireNonNull(endDate, "endDate is null");
  }
}
