package io.salesdw.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunStateStore {
  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  @Test
  void aSavedMonthReadsBackEqualAndLeavesNoTemporaryFile(@TempDir Path lake) throws Exception {
    TaskRunState transform =
        new TaskRunState(
            "transform",
            TaskStatus.SUCCEEDED,
            2,
            Instant.parse("2025-04-01T01:00:00Z"),
            Instant.parse("2025-04-01T01:03:20.5Z"),
            "47 tables, 12 rebuilt",
            "ab12",
            Map.of("tables", 47L, "rebuilt", 12L));
    TaskRunState gates =
        new TaskRunState(
            "quality_gates",
            TaskStatus.GATE_FAILED,
            1,
            Instant.parse("2025-04-01T01:03:21Z"),
            Instant.parse("2025-04-01T01:03:25Z"),
            "gate empty-mart: 销售 is empty",
            "cd34",
            Map.of());
    MonthState state = MonthState.empty(MARCH).with(transform).with(gates);

    RunStateStore.inLake(lake.toString()).save(state);
    MonthState read = RunStateStore.inLake(lake.toUri().toString()).load(MARCH);

    assertThat(read).isEqualTo(state);
    try (var files = Files.list(lake.resolve("_runs"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2025-03.json");
    }
    assertThat(RunStateStore.inLake(lake.toString()).load(MARCH.plusMonths(1)).tasks()).isEmpty();
  }

  @Test
  void aDamagedFileSaysWhichAndHowToRecover(@TempDir Path lake) throws Exception {
    Path file = lake.resolve("_runs/2025-03.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"month\": \"2025-03\", \"tasks\": {", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RunStateStore.inLake(lake.toString()).load(MARCH))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("The run state " + file + " cannot be read (")
        .hasMessageEndingWith(
            "Move it aside to run the month from scratch: every step is idempotent.");
  }

  @Test
  void aRemoteLakeIsRefused() {
    assertThatThrownBy(() -> RunStateStore.inLake("s3a://bucket/lake"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("'s3a://bucket/lake' is not one");
  }
}
