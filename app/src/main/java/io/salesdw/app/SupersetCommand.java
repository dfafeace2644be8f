package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.reports.superset.LeftOutMetric;
import io.salesdw.reports.superset.SupersetAssets;
import io.salesdw.reports.superset.SupersetBundle;
import io.salesdw.reports.superset.SupersetLogin;
import io.salesdw.reports.superset.SupersetSync;
import io.salesdw.reports.superset.SyncSummary;
import io.salesdw.reports.superset.TrinoConnection;
import java.io.Console;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Provisions Superset from the semantic model. */
@Command(
    mixinStandardHelpOptions = true,
    name = "superset",
    description = {
      "Provision Superset from the semantic model over its REST API: the Trino connection, one"
          + " dataset per semantic model with every governed metric that is one aggregate, and the"
          + " executive dashboards.",
      "'sync' is idempotent; 'export' writes an importable dashboard bundle."
    },
    subcommands = {SupersetCommand.Sync.class, SupersetCommand.Export.class})
final class SupersetCommand implements Callable<Integer> {
  /** The environment variable the password is read from by default. */
  static final String PASSWORD_ENV = "SUPERSET_PASSWORD";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Where Superset reaches Trino, and which model to provision. */
  static final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
    Path model;

    @Option(
        names = "--trino-host",
        paramLabel = "HOST",
        description = "Trino's host as Superset's server reaches it (default: ${DEFAULT-VALUE}).")
    String trinoHost = TrinoConnection.DEFAULT_HOST;

    @Option(
        names = "--trino-port",
        paramLabel = "PORT",
        description = "Trino's HTTP port (default: ${DEFAULT-VALUE}).")
    int trinoPort = TrinoConnection.DEFAULT_PORT;

    @Option(
        names = "--trino-catalog",
        paramLabel = "NAME",
        description = "The Trino catalog with the lake's gold schema (default: ${DEFAULT-VALUE}).")
    String trinoCatalog = TrinoConnection.DEFAULT_CATALOG;

    @Option(
        names = "--trino-user",
        paramLabel = "NAME",
        description = "The user Superset's queries run as in Trino (default: ${DEFAULT-VALUE}).")
    String trinoUser = TrinoConnection.DEFAULT_USER;

    SupersetAssets assets(io.salesdw.app.Console console) {
      TrinoConnection trino;
      try {
        trino = new TrinoConnection(trinoHost, trinoPort, trinoCatalog, trinoUser);
      } catch (IllegalArgumentException e) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR, "Bad Trino connection options: " + e.getMessage() + ".");
      }
      console.progress("reading " + ModelFiles.describe(model));
      return SupersetAssets.of(ModelFiles.load(model), trino);
    }
  }

  /** Creates or updates the database, datasets, metrics, charts and dashboards. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "sync",
      description = {
        "Create or update, idempotently, the Trino database connection, one virtual dataset per"
            + " semantic model with its governed metrics (expression for Trino, label,"
            + " description, certification), and the five executive dashboards with their"
            + " charts. A re-run over an unchanged model sends no write; a changed metric is"
            + " updated in place; a metric removed from the model is removed from Superset.",
        "The password is read from the environment variable named by --password-env, or asked"
            + " for when run in a terminal; it is never printed or logged."
      })
  static final class Sync implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Mixin ModelOptions modelOptions;

    @Option(
        names = "--url",
        required = true,
        paramLabel = "URL",
        description = "Superset's base URL, e.g. http://localhost:8088.")
    String url;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Superset user.")
    String user;

    @Option(
        names = "--password-env",
        paramLabel = "NAME",
        description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
    String passwordEnv = PASSWORD_ENV;

    @Option(
        names = "--json",
        description = "Print what was created, updated and removed as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      io.salesdw.app.Console console = consoleOptions.console(spec);
      URI superset = url(url);
      String password = password(passwordEnv, user);
      SupersetAssets assets = modelOptions.assets(console);
      SyncSummary summary =
          SupersetSync.sync(new SupersetLogin(superset, user, password), assets, console::progress);
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("url", superset.toString());
        document.put("created", summary.created());
        document.put("updated", summary.updated());
        document.put("removed", summary.removed());
        document.put("unchanged", summary.unchanged().size());
        document.put("write_requests", summary.writeRequests());
        document.put(
            "not_superset_metrics",
            summary.leftOut().stream()
                .map(m -> Map.of("metric", m.metric(), "reason", m.reason()))
                .toList());
        JsonOutput.print(console, document);
      } else {
        summary.created().forEach(name -> console.result("created  " + name));
        summary.updated().forEach(name -> console.result("updated  " + name));
        summary.removed().forEach(name -> console.result("removed  " + name));
      }
      leftOut(console, summary.leftOut());
      console.progress(
          "Superset at "
              + superset
              + ": "
              + summary.created().size()
              + " created, "
              + summary.updated().size()
              + " updated, "
              + summary.removed().size()
              + " removed, "
              + summary.unchanged().size()
              + " unchanged ("
              + summary.writeRequests()
              + " write requests)");
      return ExitCode.OK;
    }

    private static URI url(String url) {
      try {
        URI uri = new URI(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
            || uri.getHost() == null) {
          throw new URISyntaxException(url, "not an http(s) URL");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR,
            "--url "
                + url
                + " is not an http(s) URL; give Superset's base URL, e.g."
                + " http://localhost:8088.");
      }
    }

    private static String password(String variable, String user) {
      String fromEnvironment = System.getenv(variable);
      if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
        return fromEnvironment;
      }
      Console terminal = System.console();
      if (terminal == null) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR,
            "No Superset password: "
                + variable
                + " is not set and there is no terminal to ask. Set "
                + variable
                + " (or name another variable with --password-env).");
      }
      char[] typed = terminal.readPassword("Superset password for %s: ", user);
      if (typed == null || typed.length == 0) {
        throw new SalesdwException(ErrorKind.USER_ERROR, "No Superset password was given.");
      }
      return new String(typed);
    }
  }

  /** Writes the assets as a bundle for Superset's import. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "export",
      description = {
        "Write the database, datasets with their governed metrics, charts and dashboards as a"
            + " ZIP bundle for Superset's import (POST /api/v1/dashboard/import/, or"
            + " /api/v1/assets/import/ to overwrite datasets too). Needs no server."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Mixin ModelOptions modelOptions;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE.zip",
        description = "The bundle to write.")
    Path out;

    @Override
    public Integer call() {
      io.salesdw.app.Console console = consoleOptions.console(spec);
      SupersetAssets assets = modelOptions.assets(console);
      int files = SupersetBundle.write(assets, out, Instant.now());
      leftOut(console, assets.leftOut());
      console.result(
          "wrote "
              + out
              + ": "
              + files
              + " files (1 database, "
              + assets.datasets().size()
              + " datasets with "
              + assets.metricCount()
              + " metrics, "
              + assets.charts().size()
              + " charts, "
              + assets.dashboards().size()
              + " dashboards)");
      return ExitCode.OK;
    }
  }

  private static void leftOut(io.salesdw.app.Console console, List<LeftOutMetric> leftOut) {
    if (!leftOut.isEmpty()) {
      console.progress(
          leftOut.size()
              + " governed metrics are not Superset metrics (query them with 'salesdw sql'):");
      leftOut.forEach(m -> console.progress("  " + m.reason()));
    }
  }
}
