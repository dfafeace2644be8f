package io.salesdw.serve.avatica;

import static java.util.Objects.requireNonNull;

import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServeTls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic layer served to Avatica's thin JDBC driver ({@code jdbc:avatica:remote:url=http://
 * host:port;serialization=PROTOBUF;authentication=BASIC;avatica_user=…;avatica_password=…}) and the
 * tools on it, such as sqlline. Every request is authenticated (HTTP Basic or Bearer, checked by
 * the service), every query answered by the {@link SemanticService} as the connection's user.
 *
 * <pre>{@code
 * try (AvaticaEndpoint endpoint =
 *     AvaticaEndpoint.start(service, "127.0.0.1", 8765, Optional.empty())) {
 *   ... // serve until stopped
 * }
 * }</pre>
 */
public final class AvaticaEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AvaticaEndpoint.class);

  private final HttpServer server;
  private final List<String> connectorHosts;

  private AvaticaEndpoint(HttpServer server, List<String> connectorHosts) {
    this.server = server;
    this.connectorHosts = connectorHosts;
  }

  /**
   * Starts serving on {@code host} only (Avatica's server alone would listen on every interface).
   *
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port; 0 for a free one ({@link #port()} tells which)
   * @param tls the server's key and certificate; HTTP without it
   * @throws IllegalStateException if the server cannot start (the port is taken…), with Jetty's
   *     error as the cause
   */
  public static AvaticaEndpoint start(
      SemanticService service, String host, int port, Optional<ServeTls> tls) {
    requireNonNull(service, "service is null");
    requireNonNull(host, "host is null");
    requireNonNull(tls, "tls is null");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a port is 0 to 65535: " + port);
    }
    CurrentCaller currentCaller = new CurrentCaller();
    VerifiedLogins logins = VerifiedLogins.of(service);
    List<String> connectorHosts = new ArrayList<>();
    ServerCustomizer<Server> customizer =
        server -> {
          for (Connector connector : server.getConnectors()) {
            ((ServerConnector) connector).setHost(host);
            connectorHosts.add(((ServerConnector) connector).getHost());
          }
          AuthenticatingHandler authentication = new AuthenticatingHandler(logins, currentCaller);
          authentication.setHandler(server.getHandler());
          server.setHandler(authentication);
        };
    HttpServer.Builder<Server> builder =
        HttpServer.Builder.<Server>newBuilder()
            .withPort(port)
            .withHandler(
                new LocalService(new ServedMeta(service, currentCaller)), Serialization.PROTOBUF)
            .withServerCustomizers(List.of(customizer), Server.class);
    // The trust store is for client certificates, which the endpoint does not ask for; Avatica
    // requires one, so it is given the server's own key store.
    tls.ifPresent(
        settings ->
            builder.withTLS(
                settings.keyStore().toFile(),
                settings.password(),
                settings.keyStore().toFile(),
                settings.password(),
                "PKCS12"));
    HttpServer server = builder.build();
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The Avatica endpoint could not listen on " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
    LOG.info(
        "Avatica endpoint listening on {}:{} ({})",
        host,
        server.getPort(),
        tls.isPresent() ? "TLS" : "plain HTTP");
    return new AvaticaEndpoint(server, List.copyOf(connectorHosts));
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** The host each of its connectors is bound to: for tests of the binding. */
  List<String> connectorHosts() {
    return connectorHosts;
  }

  /** Stops serving; open connections fail from then on. */
  @Override
  public void close() {
    server.stop();
  }
}
