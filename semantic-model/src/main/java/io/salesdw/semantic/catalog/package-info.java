/**
 * The semantic model as data: the catalog tables ({@code catalog.metrics}, {@code
 * catalog.dimensions}, {@code catalog.metric_lineage}) that SQL reads through the semantic layer,
 * and the gold columns each metric reads ({@link io.salesdw.semantic.catalog.MetricLineage}).
 */
package io.salesdw.semantic.catalog;
