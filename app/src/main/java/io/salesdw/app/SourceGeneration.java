package io.salesdw.app;

import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs the generator for the CLI: refuses to write into a folder that holds something other than an
 * earlier generation, and reports each step's progress on the console.
 */
final class SourceGeneration {
  private SourceGeneration() {}

  static GenerationResult generate(GeneratorConfig config, Console console) {
    console.progress(
        String.format(
            Locale.ROOT,
            "generate: scale %s, seed %d, year %d -> %s",
            config.scale(),
            config.seed(),
            config.year(),
            config.outputDirectory().toAbsolutePath()));
    return new SalesOrganisationGenerator(config).generate(new ConsoleProgress(console));
  }

  static String describe(GeneratorConfig config, GenerationResult result) {
    return String.format(
        Locale.ROOT,
        "Generated %d files, %s rows, %s into %s in %s.%nManifest and ground truth: %s",
        result.files().size(),
        Console.count(result.totalRows()),
        Console.megabytes(result.totalBytes()),
        result.outputDirectory().toAbsolutePath(),
        Console.seconds(result.elapsed()),
        result.outputDirectory().toAbsolutePath().resolve("manifest.json"));
  }

  /** Prints one line per finished generation step. */
  private record ConsoleProgress(Console console) implements GenerationProgress {
    @Override
    public void stepStarted(String step) {}

    @Override
    public void stepFinished(String step, long rows, Duration elapsed) {
      console.progress(
          String.format(
              Locale.ROOT,
              "  %-14s %12s rows  %s",
              step,
              Console.count(rows),
              Console.seconds(elapsed)));
    }
  }
}
