/**
 * Plain SQL over the lake: a Calcite catalog whose tables are the Delta tables of a zone ({@code
 * gold.fact_order}), and engines that execute the SQL Calcite unparses from the validated plan.
 * {@link io.salesdw.semantic.engine.SqlPlanner} ties them together; {@link
 * io.salesdw.semantic.engine.DuckDbEngine} is the embedded engine, reading the Parquet files of
 * each table's current Delta snapshot.
 */
package io.salesdw.semantic.engine;
