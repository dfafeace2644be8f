package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTransformCommand {
  @Test
  void aMalformedMonthIsAUserErrorNamingTheExpectedFormat() {
    CliRun run = CliRun.of("transform", "--lake", "/tmp/no-such-lake", "--month", "2025/06");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "salesdw transform: --month must be yyyy-MM (for example 2025-03), got '2025/06'");
  }

  @Test
  void helpNamesTheMonthAndJsonOptions() {
    CliRun run = CliRun.of("transform", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--month").contains("--json").contains("--lake");
  }
}
