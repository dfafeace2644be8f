package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesdw report} over semantic-model's fixture lake (its {@code TinyGoldLake}, with the
 * health marts): the files it writes, its JSON summary and its refusals.
 */
class TestReportCommand {
  @TempDir Path root;

  @Test
  void writesTheHtmlAndPdfAndSummarisesThemAsJson() throws Exception {
    io.salesdw.semantic.TinyGoldLake.write(root.resolve("lake"));
    Path out = root.resolve("pack");

    CliRun run =
        CliRun.of(
            "report",
            "--lake",
            root.resolve("lake").toString(),
            "--month",
            "2024-01",
            "--out",
            out.toString(),
            "--lang",
            "en",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("month").asText()).isEqualTo("2024-01");
    assertThat(summary.get("language").asText()).isEqualTo("en");
    assertThat(Path.of(summary.get("html").asText()))
        .isEqualTo(out.resolve("index.html").toAbsolutePath());
    assertThat(out.resolve("index.html")).isNotEmptyFile();
    assertThat(Files.readAllBytes(out.resolve("report.pdf"))).startsWith('%', 'P', 'D', 'F');
    // Six sections plus one DNA page for each of January's three reps in the fixture.
    assertThat(summary.get("sections")).hasSize(9);
    assertThat(summary.get("pdf_pages").asInt()).isGreaterThanOrEqualTo(9);
    assertThat(run.err()).contains("section target_health", "section customer_value");
  }

  @Test
  void aMonthThatIsNotAMonthIsAUserError() {
    CliRun run =
        CliRun.of(
            "report",
            "--lake",
            root.toString(),
            "--month",
            "2024-13",
            "--out",
            root.resolve("pack").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USER_ERROR);
    assertThat(run.err()).contains("--month '2024-13' is not a month", "yyyy-MM");
  }
}
