package io.salesdw.ingestion;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceSystem;
import java.nio.file.Path;
import java.util.List;

/** The user- and data-facing errors of ingestion; each says what to do about it. */
final class IngestionErrors {
  private IngestionErrors() {}

  static SalesdwException inputMissing(Path input) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "the input " + input + " does not exist; give --input the export directory or file");
  }

  static SalesdwException inputUnlistable(Path input, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "cannot list the input "
            + input
            + ": "
            + cause.getMessage()
            + "; check that it is readable",
        cause);
  }

  static SalesdwException noFiles(Path input, SourceSystem source) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "no "
            + source.code()
            + " export files under "
            + input
            + "; give --input the directory the export was written to");
  }

  static SalesdwException mappingForOtherSource(
      String origin, SourceSystem mapped, SourceSystem asked) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "the mapping "
            + origin
            + " is for source "
            + mapped.code()
            + ", not "
            + asked.code()
            + "; pass the mapping of the source given to --source");
  }

  static SalesdwException unmatchedFiles(String origin, Path input, List<String> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%d file(s) under %s do not fit the mapping %s, so nothing was landed; add a 'files'"
                + " entry or an 'ignore-files' pattern for each:%n  - %s",
            issues.size(), input, origin, String.join(System.lineSeparator() + "  - ", issues)));
  }

  static SalesdwException unreadableFiles(Path input, List<String> problems) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%d file(s) under %s cannot be read at all, so the batch failed and no table"
                + " changed; fix or remove them and run again:%n  - %s",
            problems.size(), input, String.join(System.lineSeparator() + "  - ", problems)));
  }

  static SalesdwException writeFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "writing the Delta table "
            + table
            + " failed: "
            + cause.getMessage()
            + "; the tables written so far are safe to keep: running the same input again"
            + " completes the batch without duplicating rows",
        cause);
  }

  static SalesdwException readFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "reading the Delta table " + table + " failed: " + cause.getMessage(),
        cause);
  }
}
