package io.salesdw.semantic.engine;

import static io.salesdw.contracts.ErrorKind.USER_ERROR;
import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Trino JDBC URL that names the catalog queries read, {@code jdbc:trino://host:port/catalog}, as
 * the engine needs one: the compiled SQL names tables {@code zone.table} only.
 */
record TrinoJdbcUrl(String url, String catalog) {
  private static final Pattern SHAPE =
      Pattern.compile("jdbc:trino://[^/?]+/([A-Za-z_][A-Za-z0-9_]*)(?:/[A-Za-z0-9_]*)?(?:\\?.*)?");

  TrinoJdbcUrl {
    requireNonNull(url, "url is null");
    requireNonNull(catalog, "catalog is null");
  }

  static TrinoJdbcUrl parse(String url) {
    Matcher matcher = SHAPE.matcher(url);
    if (!matcher.matches()) {
      throw new SalesdwException(
          USER_ERROR,
          String.format(
              "'%s' is not a Trino JDBC URL with a catalog: write it as"
                  + " jdbc:trino://HOST:PORT/CATALOG, the catalog being the Delta Lake one the"
                  + " lake is registered in (scripts/trino prints it as jdbc_url=).",
              url));
    }
    return new TrinoJdbcUrl(url, matcher.group(1));
  }
}
