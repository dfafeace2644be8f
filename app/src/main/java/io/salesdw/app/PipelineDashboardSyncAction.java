package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.orchestration.TaskAction;
import io.salesdw.orchestration.TaskOutcome;
import io.salesdw.reports.superset.SupersetAssets;
import io.salesdw.reports.superset.SupersetLogin;
import io.salesdw.reports.superset.SupersetSync;
import io.salesdw.reports.superset.SyncSummary;
import io.salesdw.reports.superset.TrinoConnection;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.net.URI;
import java.time.YearMonth;
import java.util.Map;

/**
 * The pipeline's {@code dashboard_sync} task: {@code salesdw superset sync} against the configured
 * Superset, as user {@code $SUPERSET_USER} (default admin) with the password from {@code
 * $SUPERSET_PASSWORD}. Idempotent, so a month whose model did not change writes nothing.
 */
record PipelineDashboardSyncAction(URI superset, Console console) implements TaskAction {
  @Override
  public TaskOutcome run(YearMonth month) {
    String password = System.getenv("SUPERSET_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "No Superset password for the dashboard sync: set SUPERSET_PASSWORD (and SUPERSET_USER"
              + " if not admin), or run without --superset-url to skip the sync.");
    }
    String user = System.getenv().getOrDefault("SUPERSET_USER", "admin");
    SupersetAssets assets =
        SupersetAssets.of(SemanticManifestLoader.loadShipped(), TrinoConnection.defaults());
    SyncSummary summary =
        SupersetSync.sync(
            new SupersetLogin(superset, user, password),
            assets,
            line -> console.progress("    " + line));
    return TaskOutcome.done(
        String.format(
            "%s: %d created, %d updated, %d removed, %d unchanged",
            superset,
            summary.created().size(),
            summary.updated().size(),
            summary.removed().size(),
            summary.unchanged().size()),
        Map.of(
            "created", (long) summary.created().size(),
            "updated", (long) summary.updated().size()));
  }

  @Override
  public String inputFingerprint(YearMonth month) {
    return "superset-sync:" + superset;
  }
}
