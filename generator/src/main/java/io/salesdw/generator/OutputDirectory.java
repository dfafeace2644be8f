package io.salesdw.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.generator.output.OutputErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares the output directory: creates it, or clears an earlier run's output (exactly the files
 * its manifest lists) so that stale monthly files or an old erp.sql cannot survive. Anything else
 * in the directory is refused rather than deleted.
 */
final class OutputDirectory {
  private static final List<String> SUBDIRECTORIES =
      List.of("crm/changes", "crm", "erp", "chat", "ground-truth");

  private OutputDirectory() {}

  static void prepare(Path directory) {
    try {
      Files.createDirectories(directory);
      Path manifest = directory.resolve("manifest.json");
      if (Files.isRegularFile(manifest)) {
        JsonNode root;
        try {
          root = new ObjectMapper().readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
          throw OutputErrors.directoryNotEmpty(directory, manifest + " (not a generator manifest)");
        }
        for (JsonNode file : root.path("files")) {
          Path path = directory.resolve(file.path("path").asText()).normalize();
          if (path.startsWith(directory.normalize())) {
            Files.deleteIfExists(path);
          }
        }
        Files.delete(manifest);
        for (String subdirectory : SUBDIRECTORIES) {
          Path path = directory.resolve(subdirectory);
          if (Files.isDirectory(path) && isEmpty(path)) {
            Files.delete(path);
          }
        }
      }
      try (Stream<Path> entries = Files.list(directory)) {
        List<Path> left = entries.sorted().limit(3).toList();
        if (!left.isEmpty()) {
          throw OutputErrors.directoryNotEmpty(directory, left.toString());
        }
      }
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(directory, e);
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
