package io.salesdw.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack of January 2024 over semantic-model's {@link TinyGoldLake} (its health marts are {@code
 * TinyHealthMarts}), in both languages: its figures against the layer's answers to the same
 * questions asked here and against values worked out by hand from the fixture's rows; the HTML
 * opened in headless chromium; the PDF's pages counted and rendered by pdftoppm.
 */
class TestMonthlyHealthPack {
  private static final YearMonth JANUARY = YearMonth.of(2024, 1);
  private static final String IN_JANUARY = " WHERE metric_time__month = DATE '2024-01-01'";
  private static final Pattern FIGURE =
      Pattern.compile(
          "<td class=\"[^\"]*\" data-metric=\"([^\"]+)\" data-key=\"([^\"]*)\""
              + " data-value=\"([^\"]*)\">([^<]*)</td>");

  @TempDir static Path root;

  private static SemanticLayer layer;
  private static MonthlyHealthPack english;
  private static PackFiles englishFiles;
  private static PackFiles chineseFiles;
  private static Map<String, String> figures;

  @BeforeAll
  static void writePacks() throws IOException {
    ReportTools.install();
    Path lakeRoot = root.resolve("lake");
    TinyGoldLake.write(lakeRoot);
    layer =
        SemanticLayer.embedded(
            Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped());
    PackWriter writer = new PackWriter(PackFonts.cjkFont());
    english = MonthlyHealthPack.build(layer, JANUARY, Language.EN);
    englishFiles = writer.write(english, root.resolve("en"));
    chineseFiles =
        writer.write(MonthlyHealthPack.build(layer, JANUARY, Language.ZH), root.resolve("zh"));
    figures = figures(Files.readString(englishFiles.html(), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void closeLayer() {
    layer.close();
  }

  @Test
  void figuresEqualTheLayersAnswersToTheSameQuestions() {
    List<String> questions =
        List.of(
            "SELECT region_name, MEASURE(target_attainment) FROM metrics"
                + IN_JANUARY
                + " GROUP BY region_name",
            "SELECT rep_name, MEASURE(target) FROM metrics" + IN_JANUARY + " GROUP BY rep_name",
            "SELECT team_name, MEASURE(target_authenticity_index) FROM metrics"
                + IN_JANUARY
                + " GROUP BY team_name",
            "SELECT rep_name, MEASURE(record_completeness) FROM metrics"
                + IN_JANUARY
                + " GROUP BY rep_name",
            "SELECT calibration_source, MEASURE(forecast_brier_score) FROM metrics"
                + " WHERE calibration_scope = 'all' GROUP BY calibration_source",
            "SELECT channel_name, MEASURE(leads) FROM metrics"
                + IN_JANUARY
                + " GROUP BY channel_name",
            "SELECT health_check, MEASURE(health_check_value) FROM metrics GROUP BY health_check",
            "SELECT customer_name, MEASURE(predicted_ltv_36m) FROM metrics"
                + " WHERE customer_name IS NOT NULL GROUP BY customer_name");
    int compared = 0;
    for (String question : questions) {
      String metric = question.replaceAll(".*MEASURE\\((\\w+)\\).*", "$1");
      for (ResultRow row : layer.query(question).result().rows()) {
        String key = row.value(0).map(Object::toString).orElse("–");
        Object value = row.value(1).orElse(null);
        String shown = figures.get(metric + "@" + key);
        assertThat(shown).as("%s of %s in the HTML", metric, key).isNotNull();
        if (value == null) {
          assertThat(shown).isEmpty();
        } else {
          assertThat(new BigDecimal(shown)).isEqualByComparingTo(new BigDecimal(value.toString()));
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(15);
  }

  @Test
  void figuresEqualValuesWorkedOutFromTheFixture() {
    // TinyHealthMarts, January: 华东一组 is REP0001 (0.80) and REP0002 (0.60, needs coaching).
    assertThat(Double.parseDouble(figures.get("target_authenticity_index@华东一组")))
        .isEqualTo(0.70, within());
    assertThat(figures.get("reps_needing_coaching@华东一组")).isEqualTo("1");
    // The coaching list: REP0002 李娜 (0.60) and REP0004 陈杰 (0.50), below 0.65; no one else.
    assertThat(
            figures.keySet().stream()
                .filter(key -> key.startsWith("target_authenticity_index@") && key.contains("|")))
        .containsExactlyInAnyOrder(
            "target_authenticity_index@李娜|华东一组", "target_authenticity_index@陈杰|华北一组");
    // The month's funnel cohort 202401: 4 entered initial_contact, 3 advanced.
    assertThat(figures.get("funnel_stage_entries@202401|initial_contact")).isEqualTo("4");
    assertThat(Double.parseDouble(figures.get("funnel_stage_conversion@202401|initial_contact")))
        .isEqualTo(0.75, within());
    // Commission payout of January: 1200.50; the silent customer 云端科技 of 张伟: 75 days.
    assertThat(new BigDecimal(figures.get("commission_payout@2024-01-01")))
        .isEqualByComparingTo("1200.50");
    assertThat(figures.get("days_silent@云端科技|张伟")).isEqualTo("75");
    // Target attainment of rep 王芳 (REP0001) in January: 1200 won over 1000 target, shown 120.0%.
    assertThat(Double.parseDouble(figures.get("target_attainment@王芳"))).isEqualTo(1.2, within());
  }

  @Test
  void oneDnaPagePerRepAndTheSectionsInBothLanguages() throws IOException {
    // January's DNA rows: REP0001 王芳, REP0002 李娜, REP0003 张伟.
    List<String> dna =
        english.sections().stream()
            .map(PackSection::title)
            .filter(t -> t.startsWith("Personal process DNA"))
            .toList();
    assertThat(dna)
        .containsExactly(
            "Personal process DNA · 张伟", "Personal process DNA · 李娜", "Personal process DNA · 王芳");
    assertThat(english.sections()).hasSize(6 + 3);
    String chinese = Files.readString(chineseFiles.html(), StandardCharsets.UTF_8);
    assertThat(chinese)
        .contains(
            "lang=\"zh\"", "目标健康度报告", "预测质量溯源报告", "个人过程DNA报告 · 王芳", "激励健康度报告", "数据健康度", "客户价值");
    assertThat(Files.readString(englishFiles.html(), StandardCharsets.UTF_8))
        .contains(
            "lang=\"en\"",
            "Target health",
            "Forecast quality",
            "Incentive health",
            "Customer value");
  }

  @Test
  void theHtmlIsSelfContained() throws IOException {
    String html = Files.readString(englishFiles.html(), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http", "url(http", "<link");
    assertThat(Pattern.compile("<svg").matcher(html).results().count()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void chromiumOpensThePagesWithoutConsoleErrors() throws IOException {
    for (PackFiles files : List.of(englishFiles, chineseFiles)) {
      Path png = files.html().resolveSibling("index.png");
      String log = ReportTools.screenshot(files.html(), png);
      assertThat(png).isNotEmptyFile();
      assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
      assertThat(
              log.lines()
                  .filter(line -> line.contains(":CONSOLE:") || line.contains(":CONSOLE("))
                  .toList())
          .as("console messages of %s", files.html())
          .isEmpty();
    }
  }

  @Test
  void thePdfStartsEachSectionOnANewPageAndRendersToPng() throws IOException {
    for (PackFiles files : List.of(englishFiles, chineseFiles)) {
      try (PDDocument document = Loader.loadPDF(files.pdf().toFile())) {
        assertThat(document.getNumberOfPages())
            .isEqualTo(files.pdfPages())
            .isGreaterThanOrEqualTo(9);
        if (files == englishFiles) {
          PDFTextStripper text = new PDFTextStripper();
          long dnaPages = 0;
          for (int page = 1; page <= document.getNumberOfPages(); page++) {
            text.setStartPage(page);
            text.setEndPage(page);
            if (text.getText(document).contains("Personal process DNA ·")) {
              dnaPages++;
            }
          }
          assertThat(dnaPages).isEqualTo(3);
        }
      }
      Path pages = Files.createDirectories(files.pdf().resolveSibling("pages"));
      ReportTools.Result result =
          ReportTools.run(
              List.of(
                  "pdftoppm",
                  "-png",
                  "-r",
                  "30",
                  files.pdf().toString(),
                  pages.resolve("page").toString()),
              300);
      assertThat(result.exitCode()).as(result.output()).isZero();
      try (Stream<Path> rendered = Files.list(pages)) {
        assertThat(rendered.filter(p -> p.toString().endsWith(".png")).count())
            .isEqualTo(files.pdfPages());
      }
    }
  }

  /** The figures of an HTML page: "metric@key" to the raw value the cell shows. */
  private static Map<String, String> figures(String html) {
    Map<String, String> figures = new HashMap<>();
    Matcher matcher = FIGURE.matcher(html);
    while (matcher.find()) {
      figures.put(matcher.group(1) + "@" + matcher.group(2), matcher.group(3));
    }
    return figures;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
