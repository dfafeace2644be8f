package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The access rules of the gold tables: for each, what decides the rows a manager or a rep sees and
 * which columns hold personal data. The shipped rules ({@code gold-access.yaml}) cover every gold
 * table the transforms write.
 *
 * @param tables the rules by table name
 */
public record GoldAccessRules(Map<String, GoldTableAccess> tables) {
  private static final String SHIPPED = "gold-access.yaml";

  public GoldAccessRules {
    tables = Map.copyOf(requireNonNull(tables, "tables is null"));
  }

  /** The rules shipped with the layer. */
  public static GoldAccessRules shipped() {
    try (InputStream in = GoldAccessRules.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the shipped " + SHIPPED + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads rules from YAML.
   *
   * @param origin the file's name in error messages
   * @throws io.salesdw.contracts.SalesdwException naming the origin, and the line or table
   */
  public static GoldAccessRules parse(String yaml, String origin) {
    requireNonNull(yaml, "yaml is null");
    requireNonNull(origin, "origin is null");
    GoldAccessFileSpec spec = StrictYaml.read(yaml, origin, GoldAccessFileSpec.class);
    Map<String, GoldTableAccess> tables = new TreeMap<>();
    for (GoldAccessFileSpec.TableSpec table :
        spec.tables() == null ? List.<GoldAccessFileSpec.TableSpec>of() : spec.tables()) {
      if (table.table() == null) {
        throw AccessErrors.invalidRule(origin, "(unnamed)", "an entry has no table");
      }
      if (table.rowsBy() == null) {
        throw AccessErrors.invalidRule(origin, table.table(), "rows-by is missing");
      }
      RowsBy rowsBy =
          RowsBy.ofConfigName(table.rowsBy())
              .orElseThrow(() -> AccessErrors.unknownRowsBy(origin, table.table(), table.rowsBy()));
      GoldTableAccess access;
      try {
        access =
            new GoldTableAccess(
                table.table(),
                rowsBy,
                Optional.ofNullable(table.column()),
                Optional.ofNullable(table.levelColumn()),
                table.pii() == null ? List.of() : table.pii());
      } catch (IllegalArgumentException e) {
        throw AccessErrors.invalidRule(origin, table.table(), e.getMessage());
      }
      if (tables.put(table.table(), access) != null) {
        throw AccessErrors.invalidRule(origin, table.table(), "it is listed twice");
      }
    }
    return new GoldAccessRules(tables);
  }

  /** The rules of a gold table, if it has any. */
  public Optional<GoldTableAccess> of(String table) {
    requireNonNull(table, "table is null");
    return Optional.ofNullable(tables.get(table));
  }
}
