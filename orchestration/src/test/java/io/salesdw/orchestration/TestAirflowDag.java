package io.salesdw.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG file against the Java DAG: python3 (Airflow is not needed) checks its syntax and
 * reads its task table with the ast module; every task id, kind, dependency and retry setting must
 * equal the Java DAG's, in the same order.
 */
class TestAirflowDag {
  private static final Path DAG_FILE = Path.of("airflow", "salesdw_monthly.py");

  @Test
  void airflowTasksEqualTheJavaDag(@TempDir Path dir) throws Exception {
    JsonNode airflow = readDagFile(dir);

    assertThat(airflow.get("dag_ids").get(0).asText()).isEqualTo("salesdw_monthly");
    assertThat(airflow.get("schedules").get(0).asText()).isEqualTo("@monthly");
    List<String> expected = new ArrayList<>();
    for (PipelineTask task : SalesPipeline.dag().order()) {
      expected.add(
          task.id()
              + " kind="
              + task.kind().name().toLowerCase(Locale.ROOT)
              + " upstream="
              + task.dependsOn()
              + " retries="
              + task.retries()
              + " delay="
              + task.retryDelay().toSeconds());
    }
    List<String> actual = new ArrayList<>();
    for (JsonNode task : airflow.get("tasks")) {
      List<String> upstream = new ArrayList<>();
      task.get("upstream").forEach(u -> upstream.add(u.asText()));
      actual.add(
          task.get("task_id").asText()
              + " kind="
              + task.get("kind").asText()
              + " upstream="
              + upstream
              + " retries="
              + task.get("retries").asInt()
              + " delay="
              + task.get("retry_delay_seconds").asLong());
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void aSyntaxErrorInTheDagFileFailsTheCheck(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.py");
    Files.writeString(
        broken,
        Files.readString(DAG_FILE).replace("with DAG(", "with DAG(("),
        StandardCharsets.UTF_8);

    Result result = python(dir, broken);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("SyntaxError");
  }

  private static JsonNode readDagFile(Path dir) throws Exception {
    Result result = python(dir, DAG_FILE);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return new ObjectMapper().readTree(result.out());
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result python(Path dir, Path dagFile) throws IOException, InterruptedException {
    Path script = dir.resolve("airflow_tasks.py");
    try (InputStream in = TestAirflowDag.class.getResourceAsStream("/airflow_tasks.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder("python3", script.toString(), dagFile.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
