package io.salesdw.app;

import io.salesdw.lake.Lake;
import io.salesdw.orchestration.TaskAction;
import io.salesdw.orchestration.TaskOutcome;
import io.salesdw.reports.pack.Language;
import io.salesdw.reports.pack.MonthlyHealthPack;
import io.salesdw.reports.pack.PackFiles;
import io.salesdw.reports.pack.PackFonts;
import io.salesdw.reports.pack.PackWriter;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's {@code reports} task: the month's health pack, from the governed metrics of the
 * lake the run just built, written to {@code <reports>/<month>/} (HTML and PDF), as {@code salesdw
 * report} writes it. Chinese when a CJK font is installed for the PDF, English otherwise (the
 * outcome says which).
 */
record PipelineReportAction(String lake, Path reports, Console console) implements TaskAction {
  @Override
  public TaskOutcome run(YearMonth month) {
    Optional<Path> font = PackFonts.cjkFont();
    Language language = font.isPresent() ? Language.ZH : Language.EN;
    MonthlyHealthPack pack;
    try (SemanticLayer layer =
        SemanticLayer.embedded(Lake.open(lake), SemanticManifestLoader.loadShipped())) {
      pack =
          MonthlyHealthPack.build(
              layer, month, language, section -> console.progress("    section " + section));
    }
    Path out = reports.resolve(month.toString());
    PackFiles files = new PackWriter(font).write(pack, out);
    return TaskOutcome.done(
        String.format(
            "%s (%s, %d PDF pages; %s)",
            files.html().toAbsolutePath(),
            language.code(),
            files.pdfPages(),
            font.isPresent()
                ? "Chinese labels"
                : "English: no CJK font for the PDF; scripts/chromium installs one"),
        Map.of("sections", (long) pack.sections().size(), "pdf_pages", (long) files.pdfPages()));
  }

  @Override
  public String inputFingerprint(YearMonth month) {
    // The lake's content comes in through the upstream tasks' fingerprints.
    return "report-pack:" + reports.toAbsolutePath() + ":" + PackFonts.cjkFont().isPresent();
  }
}
