package io.salesdw.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.app.TinyGoldLake.Order;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.semantic.model.SemanticModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdw model validate} and {@code salesdw model test}. */
class TestModelCommand {
  @TempDir Path root;

  private String lake;

  @BeforeEach
  void writeLake() {
    TinyGoldLake.write(root.resolve("lake"));
    lake = root.resolve("lake").toString();
  }

  @Test
  void theShippedModelIsValid() {
    CliRun run = CliRun.of("model", "validate");

    SemanticManifest shipped = SemanticManifestLoader.loadShipped();
    int dimensions = 0;
    for (SemanticModel model : shipped.semanticModels()) {
      dimensions += model.dimensions().size();
    }
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            shipped.semanticModels().size()
                + " semantic models, "
                + shipped.metrics().size()
                + " metrics, "
                + dimensions
                + " dimensions valid");
  }

  @Test
  void aModelValidAgainstTheLakeSaysSo() {
    String model = TinyGoldLake.writeModel(root.resolve("model"), "").toString();

    CliRun run = CliRun.of("model", "validate", "--model", model, "--lake", lake);

    // TinyGoldLake.MODEL: one semantic model, three metrics, two dimensions.
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "1 semantic model, 3 metrics, 2 dimensions valid against the gold tables of " + lake);
  }

  @Test
  void everyIssueIsPrintedWithItsFileAndLine() throws IOException {
    // An unknown measure, and (only against the lake) a column the table lacks.
    String text =
        TinyGoldLake.MODEL
            .formatted("")
            .replace("measure: order_lines", "measure: order_line")
            .replace("expr: amount}", "expr: amount_cny}");
    Path file = writeModelFile(text);

    CliRun run = CliRun.of("model", "validate", "--model", file.getParent().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(file + ":" + lineOf(text, "- name: order_count") + ": ")
        .contains("'order_line'")
        .contains("did you mean 'order_lines'?");
    assertThat(lines.get(1)).isEqualTo("1 issue in " + file.getParent());
  }

  @Test
  void aColumnTheLakeLacksIsAnIssueOnlyAgainstTheLake() throws IOException {
    String text = TinyGoldLake.MODEL.formatted("").replace("expr: amount}", "expr: amount_cny}");
    Path file = writeModelFile(text);
    String model = file.getParent().toString();

    CliRun withoutLake = CliRun.of("model", "validate", "--model", model);
    CliRun withLake = CliRun.of("model", "validate", "--model", model, "--lake", lake, "--json");

    assertThat(withoutLake.exitCode()).isZero();
    assertThat(withLake.exitCode()).isEqualTo(2);
    JsonNode document = readJson(withLake.out());
    assertThat(document.get("valid").asBoolean()).isFalse();
    assertThat(document.get("issues")).hasSize(1);
    JsonNode issue = document.get("issues").get(0);
    assertThat(issue.get("file").asText()).isEqualTo(file.toString());
    assertThat(issue.get("line").asInt())
        .isEqualTo(lineOf(text, "- {name: order_amount, agg: sum, expr: amount_cny}"));
    assertThat(issue.get("message").asText())
        .contains("reads column 'amount_cny', but table gold/fact_order has no such column")
        .contains("did you mean 'amount'?");
  }

  @Test
  void passingTestsExitWithZero() {
    Map<String, BigDecimal> revenue = revenueByRegion();
    String model =
        TinyGoldLake.writeModel(
                root.resolve("model"),
                """
                tests:
                  - name: by_region
                    group-by: [region]
                    expect:
                      - {region: West, revenue: %s}
                      - {region: East, revenue: %s}
                """
                    .formatted(revenue.get("West"), revenue.get("East")))
            .toString();

    CliRun run = CliRun.of("model", "test", "--lake", lake, "--model", model);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "PASS  revenue / by_region ("
                + Path.of(model, "orders.yaml")
                + ":"
                + lineOf(modelText(model), "- name: by_region")
                + ")",
            "1 metric test: 1 passed, 0 failed");
  }

  @Test
  void aFailingTestPrintsItsMissingAndUnexpectedRowsAndExitsWithOne() throws Exception {
    // February is SO-4 (300.00) and SO-5 (NULL): 300.00, not the 300.01 the test expects.
    Map<String, BigDecimal> revenue = revenueByRegion();
    String model =
        TinyGoldLake.writeModel(
                root.resolve("model"),
                """
                tests:
                  - name: by_region
                    group-by: [region]
                    expect:
                      - {region: West, revenue: %s}
                      - {region: East, revenue: %s}
                  - name: by_month
                    group-by: [order_date__month]
                    expect:
                      - {order_date__month: 2024-01-01, revenue: 350.75}
                      - {order_date__month: 2024-02-01, revenue: 300.01}
                """
                    .formatted(revenue.get("West"), revenue.get("East")))
            .toString();
    String location =
        Path.of(model, "orders.yaml") + ":" + lineOf(modelText(model), "- name: by_month");

    CliRun run = CliRun.of("model", "test", "--lake", lake, "--model", model);
    CliRun json = CliRun.of("model", "test", "--lake", lake, "--model", model, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .contains(
            "FAIL  revenue / by_month (" + location + ")",
            "      query: SELECT order_date__month, MEASURE(revenue) FROM metrics GROUP BY"
                + " order_date__month",
            "      missing:    {order_date__month: 2024-02-01, revenue: 300.01}",
            "      unexpected: {order_date__month: 2024-02-01, revenue: 300.00}",
            "2 metric tests: 1 passed, 1 failed");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode document = readJson(json.out());
    assertThat(document.get("passed").asInt()).isEqualTo(1);
    assertThat(document.get("failed").asInt()).isEqualTo(1);
    assertThat(document.get("tests").get(1).get("outcome").asText()).isEqualTo("failed");
    assertThat(document.get("tests").get(1).get("location").asText()).isEqualTo(location);
  }

  @Test
  void aModelWithoutTestsPasses() {
    String model = TinyGoldLake.writeModel(root.resolve("model"), "").toString();

    CliRun run = CliRun.of("model", "test", "--lake", lake, "--model", model);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly("no metric of " + model + " has tests");
  }

  @Test
  void testNeedsALake() {
    CliRun run = CliRun.of("model", "test");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("salesdw model test: ").contains("--lake");
  }

  @Test
  void modelAloneShowsItsSubcommands() {
    CliRun run = CliRun.of("model");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: salesdw model").contains("validate").contains("test");
  }

  private Path writeModelFile(String text) throws IOException {
    Path directory = Files.createDirectories(root.resolve("model"));
    Path file = directory.resolve("orders.yaml");
    Files.writeString(file, text, UTF_8);
    return file;
  }

  private static Map<String, BigDecimal> revenueByRegion() {
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Order order : TinyGoldLake.ORDERS) {
      order.amount().ifPresent(amount -> revenue.merge(order.region(), amount, BigDecimal::add));
    }
    return revenue;
  }

  private static String modelText(String directory) {
    try {
      return Files.readString(Path.of(directory, "orders.yaml"), UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  /** The 1-based line of the text that, stripped, is {@code line}. */
  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(line)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line '" + line + "'");
  }
}
