package io.salesdw.reports.pack;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.SemanticLayer;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly health pack: target health, forecast quality, funnel and lead SLA, one process DNA
 * page per rep, incentive health, data health and customer value, every figure read through the
 * semantic layer's governed metrics. Build it with {@link #build}, write it with {@link
 * PackWriter}.
 */
public record MonthlyHealthPack(YearMonth month, Language language, List<PackSection> sections) {
  public MonthlyHealthPack {
    requireNonNull(month, "month is null");
    requireNonNull(language, "language is null");
    sections = List.copyOf(sections);
  }

  /** Builds the pack of a month from the layer's metrics, with labels in the language. */
  public static MonthlyHealthPack build(SemanticLayer layer, YearMonth month, Language language) {
    return build(layer, month, language, section -> {});
  }

  /**
   * Builds the pack, telling {@code progress} the id of each part before it is read (for a
   * command's progress output).
   */
  public static MonthlyHealthPack build(
      SemanticLayer layer,
      YearMonth month,
      Language language,
      java.util.function.Consumer<String> progress) {
    requireNonNull(layer, "layer is null");
    PackBuilder builder = new PackBuilder(new MetricRows(layer), month, language);
    return new MonthlyHealthPack(month, language, builder.sections(progress));
  }

  /** The pack's title, in its language. */
  public String title() {
    return language.labels().getProperty("pack.title") + " · " + month;
  }
}
