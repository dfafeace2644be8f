package io.salesdw.app;

import io.salesdw.lake.Lake;
import io.salesdw.reports.pack.Language;
import io.salesdw.reports.pack.MonthlyHealthPack;
import io.salesdw.reports.pack.PackFiles;
import io.salesdw.reports.pack.PackFonts;
import io.salesdw.reports.pack.PackSection;
import io.salesdw.reports.pack.PackWriter;
import io.salesdw.semantic.SemanticLayer;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the monthly health report pack. */
@Command(
    mixinStandardHelpOptions = true,
    name = "report",
    description = {
      "Write the monthly health pack (HTML with SVG charts, and PDF): target health, forecast"
          + " quality, funnel and lead SLA, personal process DNA, incentive health, data health"
          + " and customer value.",
      "Every figure comes from the semantic layer's governed metrics. Writes OUT/index.html"
          + " (self-contained) and OUT/report.pdf; progress goes to standard error."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(names = "--month", required = true, description = "Report month, yyyy-MM.")
  String month;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en.")
  String language;

  @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
  Path model;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    YearMonth reportMonth;
    try {
      reportMonth = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw AppErrors.badReportMonth(month);
    }
    Language lang;
    try {
      lang = Language.ofCode(language);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().printf("%s: %s%n", spec.qualifiedName(), e.getMessage());
      return ExitCode.USER_ERROR;
    }
    Optional<Path> font = PackFonts.cjkFont();
    if (font.isEmpty() && lang == Language.ZH) {
      throw AppErrors.noCjkFont(PackFonts.DEBIAN_CJK_FONT.toString());
    }
    long start = System.nanoTime();
    MonthlyHealthPack pack;
    try (SemanticLayer layer = SemanticLayer.embedded(Lake.open(lake), ModelFiles.load(model))) {
      console.progress("reading the governed metrics of " + reportMonth + " from " + lake);
      pack =
          MonthlyHealthPack.build(
              layer, reportMonth, lang, section -> console.progress("  section " + section));
    }
    console.progress("writing HTML and PDF to " + out);
    PackFiles files = new PackWriter(font).write(pack, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (json) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("month", reportMonth.toString());
      summary.put("language", lang.code());
      summary.put("html", files.html().toAbsolutePath().toString());
      summary.put("pdf", files.pdf().toAbsolutePath().toString());
      summary.put("pdf_pages", files.pdfPages());
      summary.put("sections", pack.sections().stream().map(PackSection::id).toList());
      summary.put("millis", millis);
      JsonOutput.print(console, summary);
    } else {
      console.result(
          String.format(
              Locale.ROOT,
              "health pack %s (%s): %d sections, %d PDF pages, in %.1f s%n  %s%n  %s",
              reportMonth,
              lang.code(),
              pack.sections().size(),
              files.pdfPages(),
              millis / 1000.0,
              files.html().toAbsolutePath(),
              files.pdf().toAbsolutePath()));
    }
    return ExitCode.OK;
  }
}
