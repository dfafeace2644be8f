package io.salesdw.app;

import io.salesdw.app.bench.Benchmark;
import io.salesdw.app.bench.BenchmarkReport;
import io.salesdw.app.bench.BenchmarkRunner;
import io.salesdw.app.bench.DashboardWorkload;
import io.salesdw.app.bench.DashboardWorkload.Question;
import io.salesdw.app.bench.Measurement;
import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.serve.GovernedSemanticService;
import io.salesdw.serve.LoginLimits;
import io.salesdw.serve.PasswordHash;
import io.salesdw.serve.ServeConfig;
import io.salesdw.serve.ServeLimits;
import io.salesdw.serve.ServeUser;
import io.salesdw.serve.avatica.AvaticaEndpoint;
import io.salesdw.serve.flight.FlightSqlEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the dashboard workload served: each query in-process (through the same governed service,
 * policies and audit included), through Arrow Flight SQL and through Avatica with their real JDBC
 * drivers, and the throughput of several concurrent clients on each endpoint.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = {
      "Time the 20-query dashboard workload through 'salesdw serve': latency in-process, through"
          + " Arrow Flight SQL and through Avatica (their real JDBC drivers, one connection each),"
          + " then throughput with concurrent clients (each its own user and connection) on each"
          + " endpoint.",
      "Every endpoint's answers are first checked against the in-process ones; a difference is"
          + " exit 1."
    })
final class ServeBenchmarkCommand implements Callable<Integer> {
  private static final String HOST = "127.0.0.1";

  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Mixin BenchCommand.RunOptions runOptions;

  @Mixin BenchLakeOptions lakeOptions;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "8,32",
      description = "Concurrent clients for the throughput runs (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Override
  public Integer call() throws Exception {
    Console console = consoleOptions.console(spec);
    BenchmarkRunner runner = runOptions.runner(spec, console);
    if (clients.isEmpty() || clients.stream().anyMatch(count -> count < 1)) {
      throw new SalesdwException(ErrorKind.USER_ERROR, "--clients takes counts of 1 or more");
    }
    Path root = lakeOptions.root(console, "bench serve").toAbsolutePath();
    List<Question> questions = DashboardWorkload.questions();
    int users = clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
    console.progress("bench serve: hashing the passwords of " + users + " benchmark users");
    List<String> passwords = new ArrayList<>();
    List<ServeUser> serveUsers = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String password = PasswordHash.newToken();
      passwords.add(password);
      serveUsers.add(
          new ServeUser(
              userName(i),
              Role.executive(),
              Optional.empty(),
              Optional.of(PasswordHash.ofPassword(password)),
              Optional.empty()));
    }
    Path audit = Files.createTempDirectory("salesdw-bench-serve-audit");
    Map<String, Role> roles = new LinkedHashMap<>();
    roles.put("executive", Role.executive());
    ServeConfig config =
        new ServeConfig(
            HOST,
            0,
            0,
            Optional.empty(),
            new ServeLimits(Duration.ofMinutes(5), 10_000_000, 4),
            LoginLimits.defaults(),
            Optional.of(audit),
            roles,
            serveUsers);
    console.progress("bench serve: starting both endpoints over " + root);
    try (GovernedSemanticService service =
            GovernedSemanticService.open(root, SemanticManifestLoader.loadShipped(), config);
        FlightSqlEndpoint flight = FlightSqlEndpoint.start(service, HOST, 0, Optional.empty());
        AvaticaEndpoint avatica = AvaticaEndpoint.start(service, HOST, 0, Optional.empty());
        Clients connections =
            new Clients(console, flight.port(), avatica.port(), passwords, users)) {
      Principal first = serveUsers.get(0).principal();
      console.progress(
          "bench serve: checking the " + questions.size() + " answers through both endpoints");
      List<String> mismatches = new ArrayList<>();
      for (Question question : questions) {
        QueryResult inProcess = inProcess(service, first, question);
        for (Channel channel : List.of(Channel.FLIGHT_SQL, Channel.AVATICA)) {
          QueryResult served = read(connections.latency(channel), question.metricSql());
          QueryBenchmarkCommand.sameAnswer(served, inProcess)
              .ifPresent(
                  problem ->
                      mismatches.add(
                          question.name() + " through " + channel.label + ": " + problem));
        }
      }
      if (!mismatches.isEmpty()) {
        console.result("bench serve: the served answers differ from the in-process ones:");
        mismatches.forEach(line -> console.result("  " + line));
        return ExitCode.CHECK_FAILED;
      }
      console.progress("bench serve: all answers match in-process, through both endpoints");
      Map<String, String> parameters = new LinkedHashMap<>();
      lakeOptions.describe(parameters);
      parameters.put("queries", Integer.toString(questions.size()));
      parameters.put("clients", clients.toString());
      BenchmarkReport report =
          runner.run(new Workload(service, first, connections, questions, clients), parameters);
      runOptions.report(console, report, lakeOptions.scale);
    } finally {
      deleteQuietly(audit);
    }
    return ExitCode.OK;
  }

  private static String userName(int index) {
    return String.format(Locale.ROOT, "bench-%02d", index + 1);
  }

  private static QueryResult inProcess(
      GovernedSemanticService service, Principal principal, Question question) {
    return service
        .execute(principal, question.metricSql(), "bench", "in-process", new QueryCancellation())
        .result();
  }

  /** A query's whole result through a JDBC connection, typed as the layer types its own. */
  static QueryResult read(Connection connection, String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<ResultColumn> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(
            new ResultColumn(
                meta.getColumnLabel(i),
                JDBCType.valueOf(meta.getColumnType(i)),
                meta.getColumnTypeName(i),
                meta.getPrecision(i),
                meta.getScale(i)));
      }
      List<ResultRow> values = new ArrayList<>();
      while (rows.next()) {
        List<Optional<Object>> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(Optional.ofNullable(plain(rows.getObject(i))));
        }
        values.add(new ResultRow(row));
      }
      return new QueryResult(columns, values);
    } catch (SQLException e) {
      throw new SalesdwException(
          ErrorKind.EXTERNAL, "a served query failed: " + e.getMessage() + " (" + sql + ")", e);
    }
  }

  /** JDBC's date and time classes as the layer's. */
  private static Object plain(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return value;
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary audit left behind is harmless.
    }
  }

  /** How the workload reaches the layer. */
  enum Channel {
    FLIGHT_SQL("flight_sql"),
    AVATICA("avatica");

    final String label;

    Channel(String label) {
      this.label = label;
    }
  }

  /** The clients' connections, opened once before timing: one per user and endpoint. */
  private static final class Clients implements AutoCloseable {
    private final Map<Channel, List<Connection>> connections = new LinkedHashMap<>();

    Clients(Console console, int flightPort, int avaticaPort, List<String> passwords, int count)
        throws SQLException {
      connections.put(Channel.FLIGHT_SQL, new ArrayList<>());
      connections.put(Channel.AVATICA, new ArrayList<>());
      try {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          connections
              .get(Channel.FLIGHT_SQL)
              .add(
                  DriverManager.getConnection(
                      "jdbc:arrow-flight-sql://"
                          + HOST
                          + ":"
                          + flightPort
                          + "?useEncryption=false&user="
                          + userName(i)
                          + "&password="
                          + passwords.get(i)));
          connections
              .get(Channel.AVATICA)
              .add(
                  DriverManager.getConnection(
                      "jdbc:avatica:remote:url=http://"
                          + HOST
                          + ":"
                          + avaticaPort
                          + ";serialization=PROTOBUF;authentication=BASIC;avatica_user="
                          + userName(i)
                          + ";avatica_password="
                          + passwords.get(i)));
        }
        console.progress(
            String.format(
                Locale.ROOT,
                "bench serve: %d connections per endpoint opened in %.1f s (not timed below)",
                count,
                (System.nanoTime() - start) / 1e9));
      } catch (SQLException | RuntimeException e) {
        close();
        throw e;
      }
    }

    Connection latency(Channel channel) {
      return connections.get(channel).get(0);
    }

    List<Connection> first(Channel channel, int count) {
      return connections.get(channel).subList(0, count);
    }

    @Override
    public void close() {
      for (List<Connection> list : connections.values()) {
        for (Connection connection : list) {
          try {
            connection.close();
          } catch (SQLException e) {
            // Closing at the end: the server stops next anyway.
          }
        }
      }
    }
  }

  /** One pass: every question in-process and through each endpoint, then the throughput runs. */
  private static final class Workload implements Benchmark {
    private final GovernedSemanticService service;
    private final Principal principal;
    private final Clients clients;
    private final List<Question> questions;
    private final List<Integer> concurrency;

    Workload(
        GovernedSemanticService service,
        Principal principal,
        Clients clients,
        List<Question> questions,
        List<Integer> concurrency) {
      this.service = service;
      this.principal = principal;
      this.clients = clients;
      this.questions = questions;
      this.concurrency = concurrency;
    }

    @Override
    public String name() {
      return "serve";
    }

    @Override
    public List<Measurement> runOnce() throws Exception {
      List<Measurement> measurements = new ArrayList<>();
      List<Double> inProcess = new ArrayList<>();
      for (Question question : questions) {
        long start = System.nanoTime();
        inProcess(service, principal, question);
        inProcess.add(millis(System.nanoTime() - start));
      }
      latencies(measurements, "in_process", inProcess);
      for (Channel channel : Channel.values()) {
        List<Double> served = new ArrayList<>();
        for (Question question : questions) {
          long start = System.nanoTime();
          read(clients.latency(channel), question.metricSql());
          served.add(millis(System.nanoTime() - start));
        }
        latencies(measurements, channel.label, served);
      }
      for (int count : concurrency) {
        for (Channel channel : Channel.values()) {
          throughput(measurements, channel, count);
        }
      }
      return measurements;
    }

    /**
     * {@code count} clients at once, each on its own connection and user, each asking every
     * question once (starting at a different one), released together.
     */
    private void throughput(List<Measurement> measurements, Channel channel, int count)
        throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(count);
      try {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Double>>> results = new ArrayList<>();
        List<Connection> connections = clients.first(channel, count);
        for (int c = 0; c < count; c++) {
          Connection connection = connections.get(c);
          int offset = c;
          results.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    go.await();
                    List<Double> times = new ArrayList<>();
                    for (int q = 0; q < questions.size(); q++) {
                      Question question = questions.get((q + offset) % questions.size());
                      long start = System.nanoTime();
                      read(connection, question.metricSql());
                      times.add(millis(System.nanoTime() - start));
                    }
                    return times;
                  }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
          all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String figure = channel.label + "_" + count + "_clients";
        measurements.add(new Measurement(figure + "_qps", "queries/s", all.size() / seconds));
        List<Double> sorted = all.stream().sorted().toList();
        measurements.add(
            new Measurement(
                figure + "_p95_ms", "ms", QueryBenchmarkCommand.percentile(sorted, 0.95)));
      } finally {
        pool.shutdownNow();
      }
    }

    private static void latencies(List<Measurement> measurements, String channel, List<Double> ms) {
      List<Double> sorted = ms.stream().sorted().toList();
      measurements.add(
          new Measurement(
              channel + "_p50_ms", "ms", QueryBenchmarkCommand.percentile(sorted, 0.5)));
      measurements.add(
          new Measurement(
              channel + "_p95_ms", "ms", QueryBenchmarkCommand.percentile(sorted, 0.95)));
      measurements.add(new Measurement(channel + "_max_ms", "ms", sorted.get(sorted.size() - 1)));
    }

    private static double millis(long nanos) {
      return nanos / 1_000_000.0;
    }
  }
}
