package io.salesdw.app;

import io.salesdw.generator.GeneratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The lake a query-side benchmark ({@code bench query}, {@code bench serve}) reads: one the user
 * names with {@code --lake}, or the one of {@code --scale} and {@code --seed}, built once under
 * {@code bench-results/lakes/} and reused.
 */
final class BenchLakeOptions {
  @Option(
      names = "--scale",
      defaultValue = "0.1",
      description = "Scale of the organisation to build and query (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--lake",
      description = "Read this lake's gold zone instead of building one for --scale.")
  Path lake;

  /** The lake's root: {@code --lake}, or the lake of {@code --scale}, built on first use. */
  Path root(Console console, String label) {
    return lake != null ? lake : preparedLake(console, label);
  }

  /** The report's parameters for the lake: its scale (or "lake") and seed. */
  void describe(Map<String, String> parameters) {
    parameters.put("scale", lake != null ? "lake" : Double.toString(scale));
    parameters.put("seed", Long.toString(seed));
  }

  private Path preparedLake(Console console, String label) {
    Path directory =
        Path.of(
                "bench-results",
                "lakes",
                String.format(Locale.ROOT, "scale-%s-seed-%d", scale, seed))
            .toAbsolutePath();
    Path lakeRoot = directory.resolve("lake");
    if (Files.isDirectory(lakeRoot.resolve("gold"))) {
      console.progress(label + ": reusing the lake in " + lakeRoot);
    } else {
      console.progress(label + ": building a scale-" + scale + " lake in " + lakeRoot);
    }
    // Idempotent: an existing lake lands nothing and builds no gold table.
    OrganisationLake.build(
        new GeneratorConfig(
            scale, seed, GeneratorConfig.DEFAULT_YEAR, directory.resolve("sources"), false),
        lakeRoot.toString(),
        console,
        step -> console.progress(label + ": " + step.description() + " (not timed)"));
    return lakeRoot;
  }
}
