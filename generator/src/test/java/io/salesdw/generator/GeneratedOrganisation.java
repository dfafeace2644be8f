package io.salesdw.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One generated organisation at scale 0.1 (seed 42, year 2025, with erp.sql), made once per test
 * JVM and shared by the test classes that read files; deleted when the JVM exits.
 */
public final class GeneratedOrganisation {
  public static final double SCALE = 0.1;
  public static final long SEED = 42;
  public static final int YEAR = 2025;

  private static GeneratedOrganisation shared;

  private final Path directory;
  private final GenerationResult result;
  private final JsonNode manifest;

  private GeneratedOrganisation(Path directory, GenerationResult result) throws IOException {
    this.directory = directory;
    this.result = result;
    this.manifest = new ObjectMapper().readTree(directory.resolve("manifest.json").toFile());
  }

  /** The shared organisation, generated on first use. */
  public static synchronized GeneratedOrganisation get() {
    if (shared == null) {
      try {
        Path directory = Files.createTempDirectory("salesdw-generator-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
        GenerationResult result =
            new SalesOrganisationGenerator(new GeneratorConfig(SCALE, SEED, YEAR, directory, true))
                .generate(GenerationProgress.silent());
        shared = new GeneratedOrganisation(directory, result);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public Path directory() {
    return directory;
  }

  public GenerationResult result() {
    return result;
  }

  public JsonNode manifest() {
    return manifest;
  }

  /** A file of the output. */
  public Path file(String relativePath) {
    return directory.resolve(relativePath);
  }

  /** The manifest's count for (file, kind[, column]); fails if the manifest has no such entry. */
  public long defectCount(String file, String kind, String column) {
    for (JsonNode defect : manifest.path("defects")) {
      if (defect.path("file").asText().equals(file)
          && defect.path("kind").asText().equals(kind)
          && (column == null
              ? defect.path("column").isMissingNode()
              : defect.path("column").asText().equals(column))) {
        return defect.path("count").asLong();
      }
    }
    throw new AssertionError("manifest has no defect " + file + " " + kind + " " + column);
  }

  /** Sum of the manifest's counts of malformed_* kinds for a file. */
  public long malformedCount(String file) {
    long sum = 0;
    for (JsonNode defect : manifest.path("defects")) {
      if (defect.path("file").asText().equals(file)
          && defect.path("kind").asText().startsWith("malformed_")) {
        sum += defect.path("count").asLong();
      }
    }
    return sum;
  }

  /** Deletes a directory tree, best effort. */
  public static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit: the temporary directory is left behind.
    }
  }
}
