/**
 * The semantic layer served to remote clients: Arrow Flight SQL and Avatica endpoints over one
 * {@link io.salesdw.serve.SemanticService}, with authentication, login throttling, limits and
 * audit.
 */
package io.salesdw.serve;
