package io.salesdw.lake;

import static io.salesdw.contracts.ErrorKind.EXTERNAL;
import static io.salesdw.contracts.ErrorKind.USER_ERROR;

import io.salesdw.contracts.SalesdwException;
import java.util.List;

/** The lake module's user- and data-facing errors: each says what failed, why, and what to do. */
final class LakeErrors {
  // Enough names to recognise a typo without flooding the message on a big lake.
  private static final int MAX_LISTED_TABLES = 20;

  private LakeErrors() {}

  static SalesdwException invalidRoot(String root, Exception cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The lake root '%s' is neither a local path nor a file system URI Hadoop can open"
                + " (%s). Give a directory such as /data/lake or a URI such as"
                + " file:///data/lake or s3a://bucket/lake.",
            root, cause.getMessage()),
        cause);
  }

  static SalesdwException rootNotFound(String root) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The lake root '%s' does not exist. Check the path, or create the lake first by"
                + " ingesting data into it.",
            root));
  }

  static SalesdwException rootNotDirectory(String root) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The lake root '%s' is a file, not a directory. Give the directory that holds the"
                + " lake's tables.",
            root));
  }

  static SalesdwException rootIsTable(String root) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The lake root '%s' is itself a Delta table (it has a _delta_log directory); tables"
                + " are named by their path under the root. Give the directory above it.",
            root));
  }

  static SalesdwException listingFailed(String directory, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot list '%s' while looking for Delta tables: %s. Check that the file system is"
                + " reachable and the directory readable, then retry.",
            directory, cause.getMessage()),
        cause);
  }

  static SalesdwException invalidTableName(String name) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "'%s' is not a table name: a table is named by its directory relative to the lake"
                + " root, with '/' between segments and no empty, '.', '..', hidden or"
                + " underscore segment, such as bronze/crm_leads.",
            name));
  }

  static SalesdwException tableNotFound(String name, String root, List<String> knownTables) {
    String known =
        knownTables.isEmpty()
            ? "The lake has no Delta tables."
            : "Its tables are: "
                + String.join(
                    ", ", knownTables.subList(0, Math.min(MAX_LISTED_TABLES, knownTables.size())))
                + (knownTables.size() > MAX_LISTED_TABLES
                    ? String.format(" and %d more.", knownTables.size() - MAX_LISTED_TABLES)
                    : ".");
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "There is no Delta table '%s' under the lake root '%s'. %s", name, root, known));
  }

  static SalesdwException unknownColumnMappingMode(String table, String location, String mode) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "The Delta table '%s' at %s sets %s to '%s', which is none of none, name and id."
                + " The table's metadata is damaged or was written by an unknown writer.",
            table, location, ColumnMappingMode.TABLE_PROPERTY, mode));
  }

  static SalesdwException tableUnreadable(String table, String location, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot read the Delta table '%s' at %s: %s. Check that its _delta_log and data"
                + " files are complete and readable; a table written by a newer Delta version"
                + " may need features this reader lacks.",
            table, location, cause.getMessage()),
        cause);
  }
}
