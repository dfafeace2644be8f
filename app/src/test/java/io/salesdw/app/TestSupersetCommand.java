package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesdw superset}: export without a server, and sync's user and external errors. The sync
 * itself is tested against the spec-validating stub in reports ({@code TestSupersetSync}).
 */
class TestSupersetCommand {
  @TempDir Path dir;

  @Test
  void exportWritesTheBundleAndNamesTheMetricsLeftOut() throws IOException {
    Path zip = dir.resolve("superset/bundle.zip");

    CliRun run = CliRun.of("superset", "export", "--out", zip.toString());

    assertThat(run.exitCode()).isZero();
    // The shipped model: a dataset per semantic model; every metric but 6 that are not one
    // aggregate (3 cumulative, 1 conversion, 1 semi-additive, 1 offset in time); 5 dashboards,
    // 18 charts.
    SemanticManifest shipped = SemanticManifestLoader.loadShipped();
    int models = shipped.semanticModels().size();
    int files = 1 + 1 + models + 18 + 5;
    assertThat(run.out().strip())
        .isEqualTo(
            "wrote "
                + zip
                + ": "
                + files
                + " files (1 database, "
                + models
                + " datasets with "
                + (shipped.metrics().size() - 6)
                + " metrics, 18 charts, 5 dashboards)");
    assertThat(run.err())
        .contains("6 governed metrics are not Superset metrics")
        .contains("revenue_running_total is cumulative")
        .contains("lead_to_opportunity_30d is a conversion");
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry.getName().substring(entry.getName().indexOf('/') + 1));
      }
    }
    assertThat(entries)
        .hasSize(files)
        .contains("metadata.yaml", "databases/salesdw_trino.yaml")
        .filteredOn(name -> name.startsWith("dashboards/"))
        .hasSize(5);
  }

  @Test
  void syncWithoutAPasswordIsAUserError() {
    CliRun run =
        CliRun.of(
            "superset",
            "sync",
            "--url",
            "http://127.0.0.1:9",
            "--user",
            "admin",
            "--password-env",
            "SALESDW_TEST_UNSET_PASSWORD_VARIABLE");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "No Superset password: SALESDW_TEST_UNSET_PASSWORD_VARIABLE is not set and there is no"
                + " terminal to ask.");
  }

  @Test
  void anUnreachableSupersetIsAnExternalErrorThatNeverShowsThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // PATH is set in every environment: here it stands in for the password variable.
    String password = System.getenv("PATH");

    CliRun run =
        CliRun.of(
            "superset",
            "sync",
            "--url",
            "http://127.0.0.1:" + closedPort,
            "--user",
            "admin",
            "--password-env",
            "PATH",
            "--trino-host",
            "trino-coordinator");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("Cannot reach Superset at http://127.0.0.1:" + closedPort);
    assertThat(run.out() + run.err()).doesNotContain(password);
  }

  @Test
  void aUrlThatIsNotHttpIsAUserError() {
    CliRun run =
        CliRun.of(
            "superset",
            "sync",
            "--url",
            "ftp://example",
            "--user",
            "admin",
            "--password-env",
            "PATH");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--url ftp://example is not an http(s) URL");
  }

  @Test
  void supersetAloneShowsItsSubcommands() {
    CliRun run = CliRun.of("superset");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sync").contains("export");
  }
}
