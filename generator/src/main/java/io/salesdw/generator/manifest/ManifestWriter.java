package io.salesdw.generator.manifest;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesdw.generator.erp.LifetimeModel;
import io.salesdw.generator.output.InjectedDefect;
import io.salesdw.generator.output.OutputErrors;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.output.WrittenFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Writes manifest.json: configuration, files, injected defects with exact counts, anchors, counts.
 */
public final class ManifestWriter {
  /** Bumped whenever the same configuration would give different bytes. */
  public static final String GENERATOR_VERSION = "1";

  private ManifestWriter() {}

  public static void write(
      OutputLedger ledger,
      long seed,
      double scale,
      int year,
      boolean erpSql,
      Map<String, Long> counts) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("generator_version", GENERATOR_VERSION);
    root.put("seed", seed);
    root.put("scale", scale);
    root.put("year", year);
    root.put("erp_sql", erpSql);
    root.put("time_zone", "Asia/Shanghai");
    ArrayNode files = root.putArray("files");
    for (WrittenFile file : ledger.files()) {
      files
          .addObject()
          .put("path", file.relativePath())
          .put("encoding", file.encoding())
          .put("rows", file.rows())
          .put("bytes", file.bytes());
    }
    ArrayNode defects = root.putArray("defects");
    for (InjectedDefect defect : ledger.defects()) {
      ObjectNode node =
          defects.addObject().put("file", defect.file()).put("kind", defect.kind().code());
      defect.column().ifPresent(column -> node.put("column", column));
      node.put("count", defect.count());
      node.put("out_of", defect.outOf());
      node.put("rate", BigDecimal.valueOf(defect.rate()).setScale(6, RoundingMode.HALF_UP));
    }
    ArrayNode anchors = root.putArray("anchors");
    for (Anchor anchor : Anchors.all()) {
      anchors
          .addObject()
          .put("name", anchor.name())
          .put("target", anchor.target())
          .put("tolerance", anchor.tolerance())
          .put("source", anchor.source())
          .put("definition", anchor.definition());
    }
    root.putObject("customer_lifetime_model")
        .put("process", "BG/NBD")
        .put("time_unit", "month")
        .put("r", LifetimeModel.R)
        .put("alpha", LifetimeModel.ALPHA)
        .put("a", LifetimeModel.A)
        .put("b", LifetimeModel.B);
    ObjectNode countNode = root.putObject("counts");
    counts.forEach(countNode::put);
    try {
      // A fixed LF indenter: Jackson's default uses the platform's line separator.
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      mapper.writer(printer).writeValue(ledger.resolve("manifest.json").toFile(), root);
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(ledger.resolve("manifest.json"), e);
    }
  }
}
