package io.salesdw.ingestion;

import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.FileMapping;
import io.salesdw.ingestion.mapping.SourceMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The hand-built export fixtures under src/test/resources/exports and their mappings. */
final class Fixtures {
  static final SourceContracts CONTRACTS = SourceContracts.load();

  private Fixtures() {}

  static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/exports/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture directory (such as {@code crm}) as a path. */
  static Path directory(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/exports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path mapping(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/mappings/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SourceMapping shipped(SourceSystem source) {
    return SourceMapping.parse(
        SourceMapping.shippedText(source), SourceMapping.shippedOrigin(source), CONTRACTS);
  }

  /** A parser for one entity of a shipped mapping. */
  static ExportFileParser parser(SourceSystem source, String entity) {
    TableContract contract = CONTRACTS.get(source, entity);
    FileMapping file =
        shipped(source).files().stream()
            .filter(f -> f.entity().equals(entity))
            .findFirst()
            .orElseThrow();
    return new ExportFileParser(contract, file);
  }

  /** Copies a fixture directory to {@code target}. */
  static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    }
  }
}
