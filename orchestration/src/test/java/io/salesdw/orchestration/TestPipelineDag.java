package io.salesdw.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPipelineDag {
  static PipelineTask task(String id, String... dependsOn) {
    return new PipelineTask(id, id, List.of(dependsOn), 0, Duration.ZERO, TaskKind.CLI);
  }

  @Test
  void orderPutsEveryTaskAfterItsDependenciesAndOtherwiseKeepsDeclarationOrder() {
    PipelineDag dag =
        PipelineDag.of(
            List.of(
                task("report", "gold"),
                task("land_b"),
                task("gold", "land_a", "land_b"),
                task("land_a")));

    assertThat(dag.order())
        .extracting(PipelineTask::id)
        .containsExactly("land_b", "land_a", "gold", "report");
    assertThat(dag.upstreamOf("report"))
        .extracting(PipelineTask::id)
        .containsExactly("land_b", "land_a", "gold");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () -> PipelineDag.of(List.of(task("a"), task("a"), task("b", "nowhere", "elsewhere"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid pipeline DAG: task id 'a' is declared twice; task 'b' depends on unknown task"
                + " 'nowhere'; task 'b' depends on unknown task 'elsewhere'");
  }

  @Test
  void aCycleIsRejectedWithItsTasks() {
    assertThatThrownBy(
            () ->
                PipelineDag.of(
                    List.of(
                        task("start"), task("x", "z"), task("y", "x"), task("z", "y", "start"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid pipeline DAG: a dependency cycle among tasks [x, y, z]");
  }

  @Test
  void salesPipelineRunsIngestsThenIdentityTransformGatesReportsAndSync() {
    assertThat(SalesPipeline.dag().order())
        .extracting(PipelineTask::id)
        .containsExactly(
            "ingest_crm",
            "ingest_erp",
            "ingest_chat",
            "customer_identity",
            "transform",
            "quality_gates",
            "reports",
            "dashboard_sync");
  }

  @Test
  void backoffDoublesPerRetry() {
    PipelineTask task =
        new PipelineTask("sync", "sync", List.of(), 3, Duration.ofSeconds(30), TaskKind.CLI);

    assertThat(List.of(task.backoff(1), task.backoff(2), task.backoff(3)))
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
    assertThatThrownBy(
            () -> new PipelineTask("Bad-Id", "", List.of(), 0, Duration.ZERO, TaskKind.CLI))
        .hasMessage("task id must match [a-z][a-z0-9_]*: 'Bad-Id'");
  }
}
