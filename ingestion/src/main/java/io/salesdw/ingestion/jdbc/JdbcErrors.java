package io.salesdw.ingestion.jdbc;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The user- and data-facing errors of JDBC ingestion; none of them shows a password. */
final class JdbcErrors {
  private JdbcErrors() {}

  static SalesdwException unsupportedUrl(String url) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "unsupported JDBC URL "
            + url
            + "; --jdbc takes a PostgreSQL URL such as jdbc:postgresql://host:5432/erp");
  }

  static SalesdwException unsupportedSource(String source) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "--jdbc reads the ERP database only, not "
            + source
            + "; use --source erp, or --input for an export");
  }

  static SalesdwException cannotConnect(
      JdbcSource source, SQLException cause, Optional<String> password) {
    String state = cause.getSQLState() == null ? "" : cause.getSQLState();
    String why =
        state.startsWith("28")
            ? "the database refused the user "
                + source.user().orElse("(none)")
                + "; check the URL's user/password or "
                + JdbcSource.USER_VARIABLE
                + " / "
                + JdbcSource.PASSWORD_VARIABLE
            : state.startsWith("08")
                ? "the server cannot be reached; check the host, the port and that it accepts"
                    + " connections"
                : "check the URL and the database";
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "cannot connect to the ERP database at "
            + source.hostAndPort()
            + " (database "
            + source.database()
            + "): "
            + scrub(cause.getMessage(), password)
            + "; "
            + why,
        new SQLException(scrub(cause.getMessage(), password), cause.getSQLState()));
  }

  static SalesdwException sourceSchema(JdbcSource source, String schema, List<String> problems) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "the ERP database at %s (schema %s) does not fit the erp contracts, so nothing was"
                + " read; create the tables and columns the contracts name (generator/FORMAT.md,"
                + " erp.sql):%n  - %s",
            source.hostAndPort(), schema, String.join(System.lineSeparator() + "  - ", problems)));
  }

  static SalesdwException queryFailed(
      String query, JdbcSource source, Exception cause, Optional<String> password) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "reading "
            + query
            + " from "
            + source.hostAndPort()
            + " failed: "
            + scrub(String.valueOf(cause.getMessage()), password)
            + "; nothing of this run was written, run again when the database is back",
        new RuntimeException(scrub(String.valueOf(cause.getMessage()), password)));
  }

  static SalesdwException writeFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "writing the Delta table "
            + table
            + " failed: "
            + cause.getMessage()
            + "; running again re-reads from the last recorded watermark and lands only rows not"
            + " landed yet",
        cause);
  }

  static SalesdwException readFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "reading the Delta table " + table + " failed: " + cause.getMessage(),
        cause);
  }

  /** The text with the password (if any) and any {@code password=...} replaced. */
  static String scrub(String text, Optional<String> password) {
    String scrubbed = text == null ? "" : JdbcSource.redact(text);
    if (password.isPresent() && !password.get().isEmpty()) {
      scrubbed = scrubbed.replace(password.get(), "***");
    }
    return scrubbed;
  }
}
