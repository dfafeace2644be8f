/**
 * The embedded JDBC driver: {@code jdbc:salesdw:lake=/path/to/lake[;model=/path/to/model]}, built
 * on Avatica. {@link io.salesdw.semantic.jdbc.SalesdwDriver} is the driver; {@link
 * io.salesdw.semantic.jdbc.SemanticMeta} answers Avatica's calls from one {@link
 * io.salesdw.semantic.SemanticLayer} per connection, so that a server (Avatica's, Flight SQL) can
 * serve the same layer.
 */
package io.salesdw.semantic.jdbc;
