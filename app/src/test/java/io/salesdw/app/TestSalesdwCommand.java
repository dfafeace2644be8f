package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestSalesdwCommand {
  private static final List<String> SUBCOMMANDS =
      List.of(
          "generate",
          "demo",
          "ingest",
          "transform",
          "sql",
          "metrics",
          "model",
          "serve",
          "report",
          "run",
          "superset",
          "airflow",
          "lake",
          "bench");

  @Test
  void helpListsEverySubcommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    for (String subcommand : SUBCOMMANDS) {
      assertThat(run.out()).containsPattern("(?m)^\\s+" + subcommand + "\\s+\\S");
    }
    assertThat(run.out())
        .contains("Exit codes:")
        .contains("an external system failed")
        .contains("70");
  }

  @Test
  void noSubcommandPrintsUsageAndFails() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: salesdw");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ingest", "transform", "sql", "serve", "report", "run", "superset", "airflow"})
  void plannedSubcommandsHaveHelpThatSaysWhatTheyDo(String subcommand) {
    CliRun run = CliRun.of(subcommand, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: salesdw " + subcommand);
    // A description line beyond the usage synopsis, of some substance.
    assertThat(run.out().lines().filter(line -> line.length() > 60).count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void serveWithoutItsLakeAndConfigurationIsOneClearLine() {
    CliRun run = CliRun.of("serve", "--lake", "/tmp/never-read");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("serve needs --lake DIR and --config FILE");
  }

  @Test
  void unknownOptionIsOneClearLine() {
    CliRun run = CliRun.of("generate", "--out", "/tmp/x", "--colour", "blue");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw generate: ").contains("--colour");
  }

  @Test
  void missingRequiredOptionIsOneClearLine() {
    CliRun run = CliRun.of("lake", "ls");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw lake ls: ").contains("--lake");
  }

  @Test
  void invalidScaleIsAUserErrorNamingTheValue() {
    CliRun run = CliRun.of("generate", "--scale", "-1", "--out", "/tmp/never-written");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw generate: ").contains("-1");
  }

  @Test
  void unknownSubcommandIsOneClearLine() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("frobnicate");
  }

  @Test
  void misspeltSubcommandSuggestsTheNearestName() {
    CliRun run = CliRun.of("genrate", "--scale", "1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("did you mean generate");
  }

  @Test
  void invalidNumberIsOneClearLine() {
    CliRun run = CliRun.of("bench", "generate", "--runs", "many");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw bench generate: ").contains("many");
  }

  @Test
  void zeroMeasuredRunsIsRefused() {
    CliRun run = CliRun.of("bench", "generate", "--runs", "0", "--scale", "0.01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("measured runs must be >= 1, got 0");
  }
}
