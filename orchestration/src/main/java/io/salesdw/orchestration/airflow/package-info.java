/**
 * A client for Airflow's REST API: trigger the monthly salesdw DAG, follow the run to its end, and
 * read task states and logs, on Airflow 3 ({@code /api/v2}, JWT) and Airflow 2 ({@code /api/v1},
 * basic auth). Entry point: {@link io.salesdw.orchestration.airflow.AirflowClient}.
 */
package io.salesdw.orchestration.airflow;
