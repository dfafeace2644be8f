/**
 * Superset provisioning from the semantic model: the Trino database connection, one virtual dataset
 * per semantic model with its governed metrics, and the executive dashboards; synced idempotently
 * over Superset's REST API ({@link io.salesdw.reports.superset.SupersetSync}) or written as an
 * importable bundle ({@link io.salesdw.reports.superset.SupersetBundle}).
 */
package io.salesdw.reports.superset;
