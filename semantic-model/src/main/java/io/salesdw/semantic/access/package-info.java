/**
 * Access policies of the semantic layer: roles, the authenticated principal, and the context of a
 * served query (limits, cancellation) that the layer enforces in every query's plan.
 */
package io.salesdw.semantic.access;
