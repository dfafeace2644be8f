package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestGenerateCommand {
  @Test
  void jsonSummaryDescribesExactlyTheFilesWritten(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("org");

    CliRun run =
        CliRun.of("generate", "--scale", "0.01", "--seed", "7", "--out", out.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("seed").asLong()).isEqualTo(7);
    assertThat(summary.get("files").size()).isGreaterThanOrEqualTo(25);
    long totalRows = 0;
    long totalBytes = 0;
    for (JsonNode file : summary.get("files")) {
      Path path = out.resolve(file.get("path").asText());
      assertThat(path).exists();
      assertThat(Files.size(path)).as(path.toString()).isEqualTo(file.get("bytes").asLong());
      totalBytes += file.get("bytes").asLong();
      totalRows += file.get("rows").asLong();
      String name = path.getFileName().toString();
      if (name.endsWith(".csv")) {
        assertThat(csvRecords(path, Charset.forName(file.get("encoding").asText())))
            .as(path.toString())
            .isEqualTo(file.get("rows").asLong());
      } else if (name.endsWith(".jsonl")) {
        try (var lines = Files.lines(path)) {
          assertThat(lines.filter(line -> !line.isBlank()).count())
              .as(path.toString())
              .isEqualTo(file.get("rows").asLong());
        }
      }
    }
    assertThat(summary.get("rows").asLong()).isEqualTo(totalRows);
    assertThat(summary.get("bytes").asLong()).isEqualTo(totalBytes);
    // Progress went to standard error, one line per generation step.
    assertThat(run.err()).contains("leads").contains("chat");
  }

  @Test
  void refusesToWriteIntoAnUnrelatedFolder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("thesis.txt"), "precious");

    CliRun run = CliRun.of("generate", "--quiet", "--scale", "0.01", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw generate: ");
    assertThat(run.err()).contains(dir.toString()).contains("not empty").contains("thesis.txt");
    assertThat(dir.resolve("thesis.txt")).hasContent("precious");
  }

  /** Records (not lines: summaries may span lines), counted by an independent CSV parser. */
  private static long csvRecords(Path file, Charset charset) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, charset);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      long records = 0;
      for (var ignored : parser) {
        records++;
      }
      return records;
    }
  }
}
