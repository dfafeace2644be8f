package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.lake.Lake;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * One zone of the lake as a Calcite schema: {@code gold} holds a table for each Delta table {@code
 * gold/<name>} directly under the zone's directory. Made afresh for each query, so that it sees the
 * tables and versions of the moment; within the query a table is looked up once.
 *
 * <p>A table named as it is spelt on disk is found by looking at its directory alone; only a name
 * spelt in another case, or a listing, walks the lake.
 */
final class DeltaLakeSchema extends AbstractSchema {
  private final Lake lake;
  private final SnapshotCache snapshots;
  private final String zone;
  private final Map<String, Optional<Table>> tables = new HashMap<>();
  private final Lookup<Table> lookup = new TableLookup();

  DeltaLakeSchema(Lake lake, SnapshotCache snapshots, String zone) {
    this.lake = requireNonNull(lake, "lake is null");
    this.snapshots = requireNonNull(snapshots, "snapshots is null");
    this.zone = requireNonNull(zone, "zone is null");
  }

  @Override
  public Lookup<Table> tables() {
    return lookup;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> all = new HashMap<>();
    for (String name : tableNames()) {
      table(name).ifPresent(table -> all.put(name, table));
    }
    return all;
  }

  private synchronized Optional<Table> table(String name) {
    return tables.computeIfAbsent(
        name,
        // gold/fact_order, not gold/archive/fact_order: a schema is one level of tables.
        key ->
            !key.contains("/") && lake.hasTable(zone + "/" + key)
                ? Optional.of(new DeltaLakeTable(snapshots, zone + "/" + key))
                : Optional.empty());
  }

  private Set<String> tableNames() {
    Set<String> names = new TreeSet<>();
    String prefix = zone + "/";
    for (String name : lake.tableNames()) {
      if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
        names.add(name.substring(prefix.length()));
      }
    }
    return names;
  }

  /** Calcite's table lookup, by name as spelt, else ignoring case. */
  private final class TableLookup implements Lookup<Table> {
    @Override
    public Table get(String name) {
      return table(name).orElse(null);
    }

    @Override
    public Named<Table> getIgnoreCase(String name) {
      Optional<Table> exact = table(name);
      if (exact.isPresent()) {
        return new Named<>(name, exact.get());
      }
      for (String known : tableNames()) {
        if (known.equalsIgnoreCase(name)) {
          return table(known).map(table -> new Named<>(known, table)).orElse(null);
        }
      }
      return null;
    }

    @Override
    public Set<String> getNames(LikePattern pattern) {
      Set<String> names = new TreeSet<>();
      for (String name : tableNames()) {
        if (pattern.matcher().apply(name)) {
          names.add(name);
        }
      }
      return names;
    }
  }
}
