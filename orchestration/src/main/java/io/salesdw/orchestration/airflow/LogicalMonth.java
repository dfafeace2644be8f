package io.salesdw.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The month a run of the monthly DAG covers. Its run id is derived from the month alone, so
 * triggering the same month twice is caught by Airflow as a duplicate (409) instead of running the
 * month's loads twice.
 */
public record LogicalMonth(YearMonth month) {
  /** The prefix of every run id salesdw triggers; Airflow's own runs start with manual__ etc. */
  public static final String RUN_ID_PREFIX = "salesdw__";

  public LogicalMonth {
    requireNonNull(month, "month is null");
  }

  /** {@code salesdw__2026-03} for March 2026. */
  public String runId() {
    return RUN_ID_PREFIX + month;
  }

  /** The first instant of the month in UTC: Airflow's logical date for the run. */
  public Instant logicalDate() {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
