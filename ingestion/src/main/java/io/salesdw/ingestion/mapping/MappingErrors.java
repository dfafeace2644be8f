package io.salesdw.ingestion.mapping;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;
import java.util.List;

/** The user-facing errors of mapping files. */
final class MappingErrors {
  private MappingErrors() {}

  static SalesdwException invalidMapping(String origin, List<String> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "mapping %s has %d problem(s); fix them and run again:%n  - %s",
            origin, issues.size(), String.join(System.lineSeparator() + "  - ", issues)));
  }

  static SalesdwException unreadableMapping(Path file, Exception cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "cannot read the mapping file "
            + file
            + ": "
            + cause.getMessage()
            + ". Check the path given to --mapping.",
        cause);
  }

  static SalesdwException missingShippedMapping(String resource) {
    return new SalesdwException(
        ErrorKind.INTERNAL, "the shipped mapping " + resource + " is missing: a broken build.");
  }
}
