package io.salesdw.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBenchmarkRunner {
  /** Reports 10, 20, 30, ... rows on successive calls, warm-ups included. */
  private static final class CountingBenchmark implements Benchmark {
    int calls;

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public List<Measurement> runOnce() {
      calls++;
      return List.of(new Measurement("rows", "rows", 10.0 * calls));
    }
  }

  @Test
  void warmUpRunsAreNotMeasured(@TempDir Path dir) throws Exception {
    CountingBenchmark benchmark = new CountingBenchmark();
    List<String> progress = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("scale", "0.1");

    BenchmarkReport report = new BenchmarkRunner(2, 3, progress::add).run(benchmark, parameters);

    // 2 warm-ups (10, 20) then 3 measured runs (30, 40, 50).
    assertThat(benchmark.calls).isEqualTo(5);
    FigureSummary rows =
        report.figures().stream().filter(f -> f.figure().equals("rows")).findFirst().orElseThrow();
    assertThat(rows.min()).isEqualTo(30.0);
    assertThat(rows.median()).isEqualTo(40.0);
    assertThat(rows.max()).isEqualTo(50.0);
    assertThat(report.figures().get(0).figure()).isEqualTo(BenchmarkRunner.WALL_TIME);
    assertThat(progress).hasSize(5);

    Path csv = dir.resolve("out/counting.csv");
    report.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo("benchmark,scale,warmup_runs,runs,figure,unit,min,median,max");
    assertThat(lines).contains("counting,0.1,2,3,rows,rows,30.000000,40.000000,50.000000");
    assertThat(report.toTable()).contains("rows").contains("40.000");
  }
}
