/**
 * From the semantic model to relational plans, with Calcite: and, before that, the checks of a
 * model that need a SQL parser or the lake's table schemas ({@link
 * io.salesdw.semantic.compile.ModelValidation}).
 */
package io.salesdw.semantic.compile;
