package io.salesdw.orchestration.airflow;

import java.util.Locale;

/** Which of Airflow's REST APIs a server speaks. */
public enum AirflowApiVersion {
  /** Airflow 2's stable API under {@code /api/v1}, with basic auth on every request. */
  V1("/api/v1", "Airflow 2"),
  /** Airflow 3's public API under {@code /api/v2}, with a JWT from {@code /auth/token}. */
  V2("/api/v2", "Airflow 3");

  private final String basePath;
  private final String airflow;

  AirflowApiVersion(String basePath, String airflow) {
    this.basePath = basePath;
    this.airflow = airflow;
  }

  /** The path every endpoint of this API starts with, e.g. {@code /api/v2}. */
  public String basePath() {
    return basePath;
  }

  /** The Airflow release line that serves this API, for messages. */
  public String airflow() {
    return airflow;
  }

  /** {@code v1} or {@code v2}, as given on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
