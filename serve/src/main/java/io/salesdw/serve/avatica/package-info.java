/**
 * The semantic layer served to Avatica's thin JDBC driver (Calcite's remote JDBC) and the tools on
 * it, such as sqlline: {@link io.salesdw.serve.avatica.AvaticaEndpoint}, an Avatica HTTP server
 * (protobuf) whose every request is authenticated and whose Meta answers through the {@link
 * io.salesdw.serve.SemanticService}.
 */
package io.salesdw.serve.avatica;
