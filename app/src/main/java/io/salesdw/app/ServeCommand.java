package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.serve.GovernedSemanticService;
import io.salesdw.serve.ServeConfig;
import io.salesdw.serve.ServeUser;
import io.salesdw.serve.avatica.AvaticaEndpoint;
import io.salesdw.serve.flight.FlightSqlEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the semantic layer to remote SQL clients until stopped. */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = {
      "Serve the semantic layer over Arrow Flight SQL and Avatica (remote JDBC), with"
          + " authentication, row-level security, PII masking, audit and limits, until stopped"
          + " (Ctrl-C).",
      "Binds to loopback unless the configuration's 'listen' says otherwise. Users, roles, ports,"
          + " TLS and limits come from --config; 'salesdw serve hash-password' makes the hashes it"
          + " stores."
    },
    subcommands = {ServeHashCommand.class})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(
      names = "--lake",
      paramLabel = "DIR",
      description = "Lake root whose gold zone is served.")
  Path lake;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Server configuration (YAML): users, roles, ports, TLS, limits, audit.")
  Path config;

  @Option(
      names = "--json",
      description = "Print the endpoints' addresses as one JSON line once serving.")
  boolean json;

  // Counted down by the shutdown hook (Ctrl-C, SIGTERM) or by a test.
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    Console console = consoleOptions.console(spec);
    long start = System.nanoTime();
    // Not picocli's required options: they would be demanded of 'serve hash-password' too.
    if (lake == null || config == null) {
      throw new ParameterException(
          spec.commandLine(), "serve needs --lake DIR and --config FILE (users, roles, ports)");
    }
    ServeConfig settings = ServeConfig.load(config);
    if (settings.users().isEmpty()) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          config
              + " has no users, so no one could log in: add users with a role and a password-hash"
              + " (salesdw serve hash-password) or token-hash (salesdw serve hash-password --token)");
    }
    console.progress("serve: opening the semantic layer over " + lake.toAbsolutePath());
    Path lakeRoot = lake.toAbsolutePath();
    try (GovernedSemanticService service =
            GovernedSemanticService.open(lakeRoot, SemanticManifestLoader.loadShipped(), settings);
        FlightSqlEndpoint flight =
            FlightSqlEndpoint.start(
                service, settings.listen(), settings.flightSqlPort(), settings.tls());
        AvaticaEndpoint avatica =
            AvaticaEndpoint.start(
                service, settings.listen(), settings.avaticaPort(), settings.tls())) {
      Thread hook = new Thread(stop::countDown, "salesdw-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      boolean tls = settings.tls().isPresent();
      String flightUrl =
          "jdbc:arrow-flight-sql://"
              + settings.listen()
              + ":"
              + flight.port()
              + "?useEncryption="
              + tls;
      String avaticaUrl =
          "jdbc:avatica:remote:url="
              + (tls ? "https://" : "http://")
              + settings.listen()
              + ":"
              + avatica.port()
              + ";serialization=PROTOBUF;authentication=BASIC";
      Map<String, Object> serving = new LinkedHashMap<>();
      serving.put("flight_sql_url", flightUrl);
      serving.put("avatica_url", avaticaUrl);
      serving.put("tls", tls);
      serving.put("audit", settings.auditDirectory(lakeRoot).toString());
      serving.put("users", usersByRole(settings));
      serving.put(
          "started_seconds", Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
      if (json) {
        JsonOutput.print(console, serving);
      } else {
        console.result("Flight SQL  " + flightUrl);
        console.result("Avatica     " + avaticaUrl);
        console.result(
            "serving "
                + settings.users().size()
                + (settings.users().size() == 1 ? " user " : " users ")
                + usersByRole(settings)
                + "; audit in "
                + serving.get("audit")
                + "; started in "
                + Console.seconds(Duration.ofNanos(System.nanoTime() - start))
                + "; Ctrl-C to stop");
      }
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running: the JVM is already stopping.
        }
        console.progress("serve: stopping");
      }
    }
    return ExitCode.OK;
  }

  private static Map<String, Integer> usersByRole(ServeConfig settings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ServeUser user : settings.users()) {
      counts.merge(user.role().name(), 1, Integer::sum);
    }
    return counts;
  }
}
