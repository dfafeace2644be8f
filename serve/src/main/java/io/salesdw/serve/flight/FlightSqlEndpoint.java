package io.salesdw.serve.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.netty.NettyServerBuilder;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServeTls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic layer over Arrow Flight SQL: what the Flight SQL JDBC driver, ADBC and other Flight
 * SQL clients connect to. Every call must authenticate (a user's password, or an access token);
 * queries run as that user through the {@link SemanticService}.
 *
 * <pre>{@code
 * try (FlightSqlEndpoint endpoint = FlightSqlEndpoint.start(service, "127.0.0.1", 31337, Optional.empty())) {
 *   // jdbc:arrow-flight-sql://127.0.0.1:31337?useEncryption=false&user=ceo&password=…
 * }
 * }</pre>
 */
public final class FlightSqlEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlightSqlEndpoint.class);

  private final FlightServer server;
  private final SemanticFlightSqlProducer producer;
  private final BufferAllocator allocator;
  private final ExecutorService queries;

  private FlightSqlEndpoint(
      FlightServer server,
      SemanticFlightSqlProducer producer,
      BufferAllocator allocator,
      ExecutorService queries) {
    this.server = server;
    this.producer = producer;
    this.allocator = allocator;
    this.queries = queries;
  }

  /**
   * Starts serving on {@code host:port} ({@code port} 0: any free port, see {@link #port()}).
   *
   * @param tls the key store to serve TLS with; plain TCP if empty
   * @throws io.salesdw.contracts.SalesdwException if the key store cannot be read
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public static FlightSqlEndpoint start(
      SemanticService service, String host, int port, Optional<ServeTls> tls) {
    requireNonNull(service, "service is null");
    requireNonNull(host, "host is null");
    requireNonNull(tls, "tls is null");
    Optional<TlsPem> pem = tls.map(TlsPem::of);
    BufferAllocator allocator = new RootAllocator();
    ExecutorService queries =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "flight-sql-query");
              thread.setDaemon(true);
              return thread;
            });
    FlightAuthenticator authenticator = new FlightAuthenticator(service, Clock.systemUTC());
    SemanticFlightSqlProducer producer =
        new SemanticFlightSqlProducer(service, authenticator, allocator, queries);
    Location location =
        pem.isPresent() ? Location.forGrpcTls(host, port) : Location.forGrpcInsecure(host, port);
    Consumer<NettyServerBuilder> withClientAddress =
        builder -> builder.addStreamTracerFactory(new ClientAddress());
    FlightServer.Builder builder =
        FlightServer.builder(allocator, location, producer)
            .headerAuthenticator(authenticator)
            .transportHint("grpc.builderConsumer", withClientAddress);
    try {
      if (pem.isPresent()) {
        builder.useTls(
            new ByteArrayInputStream(pem.get().certificateChain()),
            new ByteArrayInputStream(pem.get().privateKey()));
      }
      FlightServer server = builder.build().start();
      LOG.info(
          "Flight SQL serving on {}:{}{}", host, server.getPort(), pem.isPresent() ? " (TLS)" : "");
      return new FlightSqlEndpoint(server, producer, allocator, queries);
    } catch (IOException | RuntimeException e) {
      queries.shutdownNow();
      allocator.close();
      if (e instanceof IOException) {
        throw new java.io.UncheckedIOException(
            "cannot serve Flight SQL on " + host + ":" + port + ": " + e.getMessage(),
            (IOException) e);
      }
      throw (RuntimeException) e;
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** Stops serving: running queries are cancelled, then the server and its memory are freed. */
  @Override
  public void close() {
    producer.close();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queries.shutdownNow();
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    allocator.close();
  }
}
