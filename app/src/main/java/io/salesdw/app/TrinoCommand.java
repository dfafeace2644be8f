package io.salesdw.app;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.engine.TrinoLakeRegistration;
import io.salesdw.semantic.engine.TrinoRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prepares a Trino cluster to answer the semantic layer's queries over a lake. */
@Command(
    mixinStandardHelpOptions = true,
    name = "trino",
    description = {
      "Work with the Trino engine: a Trino cluster with a Delta Lake catalog reads the lake's"
          + " tables in place, and 'salesdw sql --engine trino' runs the semantic layer's queries"
          + " there.",
      "scripts/trino start DIR starts a single-node Trino on loopback for one machine."
    },
    subcommands = {TrinoCommand.Register.class})
final class TrinoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Registers a lake zone's tables in the Trino catalog. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "register",
      description = {
        "Register the lake's gold tables in Trino's Delta Lake catalog: schema gold at the zone's"
            + " directory, each table at its own (nothing is copied; Trino reads the Delta log).",
        "Idempotent: tables already registered at the same place are left alone; tables the lake"
            + " no longer has are unregistered."
      })
  static final class Register implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Option(
        names = "--lake",
        required = true,
        paramLabel = "DIR",
        description = "Lake root: a local path or a URI Trino can read (s3://…).")
    String lake;

    @Option(
        names = "--trino-url",
        paramLabel = "URL",
        required = true,
        defaultValue = "${env:SALESDW_TRINO_URL}",
        description =
            "Trino JDBC URL naming the Delta Lake catalog, jdbc:trino://HOST:PORT/CATALOG"
                + " (default: $SALESDW_TRINO_URL).")
    String trinoUrl;

    @Option(
        names = "--trino-user",
        paramLabel = "USER",
        defaultValue = "${env:SALESDW_TRINO_USER:-salesdw}",
        description = "Trino user (default: $SALESDW_TRINO_USER, else ${DEFAULT-VALUE}).")
    String trinoUser;

    @Option(
        names = "--zone",
        defaultValue = "gold",
        description = "Lake zone to register, as a schema of the same name (default: gold).")
    String zone;

    @Option(
        names = "--replace",
        description = "Re-point tables registered elsewhere (another lake) at this one.")
    boolean replace;

    @Option(names = "--json", description = "Print what was done as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      long start = System.nanoTime();
      console.progress("trino register: registering " + zone + " of " + lake + " in " + trinoUrl);
      TrinoRegistration registration =
          TrinoLakeRegistration.register(Lake.open(lake), trinoUrl, trinoUser, zone, replace);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("catalog", registration.catalog());
        document.put("schema", zone);
        document.put("location", registration.schemaLocation());
        document.put("registered", registration.registered());
        document.put("unchanged", registration.unchanged());
        document.put("replaced", registration.replaced());
        document.put("unregistered", registration.removed());
        document.put("millis", millis);
        JsonOutput.print(console, document);
        return ExitCode.OK;
      }
      list(console, "registered", registration.registered());
      list(console, "re-pointed at this lake", registration.replaced());
      list(console, "unregistered (no longer in the lake)", registration.removed());
      console.result(
          String.format(
              Locale.ROOT,
              "trino register: %s.%s at %s: %d registered, %d unchanged, %d re-pointed, %d"
                  + " unregistered in %.1f s",
              registration.catalog(),
              zone,
              registration.schemaLocation(),
              registration.registered().size(),
              registration.unchanged().size(),
              registration.replaced().size(),
              registration.removed().size(),
              millis / 1000.0));
      return ExitCode.OK;
    }

    private static void list(Console console, String what, List<String> tables) {
      if (!tables.isEmpty()) {
        console.result(what + ": " + String.join(", ", tables));
      }
    }
  }
}
