package io.salesdw.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLocalRunner {
  private static final YearMonth JUNE = YearMonth.of(2025, 6);

  // land_a and land_b feed gold, then gates, then publish.
  private static final PipelineDag DAG =
      PipelineDag.of(
          List.of(
              new PipelineTask("land_a", "", List.of(), 2, Duration.ofSeconds(10), TaskKind.SPARK),
              new PipelineTask("land_b", "", List.of(), 0, Duration.ZERO, TaskKind.SPARK),
              new PipelineTask(
                  "gold",
                  "",
                  List.of("land_a", "land_b"),
                  1,
                  Duration.ofSeconds(5),
                  TaskKind.SPARK),
              new PipelineTask(
                  "gates", "", List.of("gold"), 3, Duration.ofSeconds(1), TaskKind.SPARK),
              new PipelineTask("publish", "", List.of("gates"), 0, Duration.ZERO, TaskKind.CLI)));

  @TempDir Path lake;
  final List<String> journal = new ArrayList<>();
  final List<Duration> sleeps = new ArrayList<>();
  final Map<String, FakeAction> actions = new LinkedHashMap<>();

  TestLocalRunner() {
    for (PipelineTask task : DAG.order()) {
      actions.put(task.id(), new FakeAction(task.id(), journal));
    }
  }

  /** A new runner over a new store object on the same lake, as a new process would have. */
  LocalRunner runner() {
    return new LocalRunner(
        DAG,
        Map.copyOf(actions),
        RunStateStore.inLake(lake.toString()),
        new SteppingClock(),
        sleeps::add,
        new RunListener() {});
  }

  @Test
  void tasksRunOnceEachAfterTheirDependencies() {
    MonthRun run = runner().run(JUNE);

    assertThat(run.succeeded()).isTrue();
    assertThat(journal)
        .containsExactly(
            "land_a@2025-06", "land_b@2025-06", "gold@2025-06", "gates@2025-06", "publish@2025-06");
    assertThat(run.count(TaskDisposition.SUCCEEDED)).isEqualTo(5);
    MonthState state = RunStateStore.inLake(lake.toString()).load(JUNE);
    TaskRunState gold = state.task("gold").orElseThrow();
    assertThat(gold.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(gold.attempts()).isEqualTo(1);
    assertThat(gold.metrics()).containsEntry("rows", 7L);
    assertThat(gold.message()).isEqualTo("did 2025-06");
    assertThat(gold.finishedAt()).isAfter(gold.startedAt());
  }

  @Test
  void aFailingAttemptIsRetriedAfterADoublingBackoff() {
    actions.get("land_a").failingFirst(2);

    MonthRun run = runner().run(JUNE);

    assertThat(run.succeeded()).isTrue();
    assertThat(actions.get("land_a").calls).hasSize(3);
    // retryDelay 10 s: the first retry waits 10 s, the second 20 s.
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    assertThat(run.tasks().get(0).attempts()).isEqualTo(3);
    assertThat(
            RunStateStore.inLake(lake.toString())
                .load(JUNE)
                .task("land_a")
                .orElseThrow()
                .attempts())
        .isEqualTo(3);
  }

  @Test
  void aUserErrorIsNotRetried() {
    actions
        .get("land_a")
        .returning(
            month -> {
              throw new SalesdwException(ErrorKind.USER_ERROR, "there is no crm export at x");
            });

    MonthRun run = runner().run(JUNE);

    assertThat(actions.get("land_a").calls).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(run.failure().orElseThrow().message())
        .isEqualTo("failed after 1 attempt: there is no crm export at x");
  }

  @Test
  void aFailureStopsDownstreamAndTheNextRunResumesAtTheFailedTask() {
    actions.get("gold").failingFirst(2); // one attempt plus its one retry

    MonthRun first = runner().run(JUNE);

    assertThat(first.succeeded()).isFalse();
    TaskReport gold = first.failure().orElseThrow();
    assertThat(gold.task()).isEqualTo("gold");
    assertThat(gold.message()).isEqualTo("failed after 2 attempts: gold broke");
    assertThat(gold.failure()).get().isInstanceOf(IllegalStateException.class);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    assertThat(first.tasks())
        .extracting(TaskReport::task, TaskReport::disposition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("land_a", TaskDisposition.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("land_b", TaskDisposition.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("gold", TaskDisposition.FAILED),
            org.assertj.core.groups.Tuple.tuple("gates", TaskDisposition.NOT_RUN),
            org.assertj.core.groups.Tuple.tuple("publish", TaskDisposition.NOT_RUN));
    assertThat(first.tasks().get(3).message())
        .isEqualTo("not run: upstream task gold did not finish");
    assertThat(actions.get("gates").calls).isEmpty();
    assertThat(RunStateStore.inLake(lake.toString()).load(JUNE).task("gold").orElseThrow().status())
        .isEqualTo(TaskStatus.FAILED);

    journal.clear();
    MonthRun second = runner().run(JUNE);

    assertThat(second.succeeded()).isTrue();
    assertThat(journal).containsExactly("gold@2025-06", "gates@2025-06", "publish@2025-06");
    assertThat(actions.get("land_a").calls).hasSize(1);
    assertThat(actions.get("land_b").calls).hasSize(1);
    assertThat(second.count(TaskDisposition.UP_TO_DATE)).isEqualTo(2);
  }

  @Test
  void aFinishedMonthRunAgainCallsNoActionAndLeavesTheStateFileAsItWas() throws Exception {
    runner().run(JUNE);
    Path file = RunStateStore.inLake(lake.toString()).file(JUNE);
    byte[] before = Files.readAllBytes(file);
    var modified = Files.getLastModifiedTime(file);
    journal.clear();

    MonthRun again = runner().run(JUNE);

    assertThat(journal).isEmpty();
    assertThat(again.count(TaskDisposition.UP_TO_DATE)).isEqualTo(5);
    assertThat(again.succeeded()).isTrue();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    assertThat(again.tasks().get(2).metrics()).containsEntry("rows", 7L);
  }

  @Test
  void changedInputsRunTheTaskAndEverythingDownstreamButNotItsSiblings() {
    runner().run(JUNE);
    journal.clear();
    actions.get("land_b").inputs("a new export file");

    runner().run(JUNE);

    assertThat(journal)
        .containsExactly("land_b@2025-06", "gold@2025-06", "gates@2025-06", "publish@2025-06");
  }

  @Test
  void aGateFailureIsNotRetriedAndStopsTheRunWithItsReason() {
    GateViolation violation =
        new GateViolation("empty-mart", "mart_x", 0, 1, "gate empty-mart: gold/mart_x is empty");
    actions.get("gates").returning(month -> TaskOutcome.gateFailed(List.of(violation)));

    MonthRun run = runner().run(JUNE);

    TaskReport gates = run.gateFailure().orElseThrow();
    assertThat(gates.attempts()).isEqualTo(1);
    assertThat(gates.message()).isEqualTo("gate empty-mart: gold/mart_x is empty");
    assertThat(gates.violations()).containsExactly(violation);
    assertThat(sleeps).isEmpty();
    assertThat(actions.get("publish").calls).isEmpty();
    assertThat(run.failure()).isEmpty();
    assertThat(
            RunStateStore.inLake(lake.toString()).load(JUNE).task("gates").orElseThrow().status())
        .isEqualTo(TaskStatus.GATE_FAILED);
  }

  @Test
  void aSkippedTaskCountsAsFinished() {
    actions
        .get("publish")
        .returning(month -> TaskOutcome.skipped("no dashboard server configured"));

    MonthRun run = runner().run(JUNE);
    journal.clear();
    MonthRun again = runner().run(JUNE);

    assertThat(run.succeeded()).isTrue();
    assertThat(run.tasks().get(4).message()).isEqualTo("skipped: no dashboard server configured");
    assertThat(run.tasks().get(4).disposition()).isEqualTo(TaskDisposition.SKIPPED);
    assertThat(journal).isEmpty();
    assertThat(again.tasks().get(4).disposition()).isEqualTo(TaskDisposition.UP_TO_DATE);
  }

  @Test
  void backfillRunsMonthsInOrderAndStopsAtTheFirstFailingMonth() {
    actions.get("gold").failingIn(Set.of(YearMonth.of(2025, 3)));

    List<MonthRun> runs = runner().backfill(YearMonth.of(2025, 1), YearMonth.of(2025, 5));

    assertThat(runs)
        .extracting(MonthRun::month)
        .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
    assertThat(runs).extracting(MonthRun::succeeded).containsExactly(true, true, false);
    assertThat(actions.get("land_a").calls)
        .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
    // gold: once in January and February, twice (an attempt and its retry) in March.
    assertThat(actions.get("gold").calls)
        .containsExactly(
            YearMonth.of(2025, 1),
            YearMonth.of(2025, 2),
            YearMonth.of(2025, 3),
            YearMonth.of(2025, 3));
    assertThat(Files.exists(RunStateStore.inLake(lake.toString()).file(YearMonth.of(2025, 4))))
        .isFalse();
  }

  @Test
  void aBackwardRangeIsRefused() {
    assertThatThrownBy(() -> runner().backfill(YearMonth.of(2025, 5), YearMonth.of(2025, 1)))
        .isInstanceOf(SalesdwException.class)
        .hasMessage("--from 2025-05 is after --to 2025-01: give the earlier month first.");
  }

  @Test
  void oneTaskRunsAloneForAScheduler() {
    MonthRun run = runner().runTask(JUNE, "gates");

    assertThat(journal).containsExactly("gates@2025-06");
    assertThat(run.tasks()).extracting(TaskReport::task).containsExactly("gates");
    assertThatThrownBy(() -> runner().runTask(JUNE, "nope"))
        .hasMessage(
            "There is no task 'nope' in the pipeline; tasks: [land_a, land_b, gold, gates, publish]");
  }

  @Test
  void actionsMustCoverTheDagExactly() {
    Map<String, TaskAction> missing = new LinkedHashMap<>(actions);
    missing.remove("publish");
    assertThatThrownBy(
            () ->
                new LocalRunner(
                    DAG,
                    missing,
                    RunStateStore.inLake(lake.toString()),
                    new SteppingClock(),
                    sleeps::add,
                    new RunListener() {}))
        .hasMessage(
            "actions must cover the DAG's tasks exactly: tasks [gates, gold, land_a, land_b,"
                + " publish], actions [gates, gold, land_a, land_b]");
  }
}
