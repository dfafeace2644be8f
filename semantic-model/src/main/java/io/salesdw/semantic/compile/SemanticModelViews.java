package io.salesdw.semantic.compile;

import static io.salesdw.semantic.compile.SqlFragments.quote;
import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Each semantic model as a view of its rows, named in the model's terms: {@code SELECT * FROM
 * semantic.orders} gives one row per order line with its entities, dimensions and the value each
 * measure aggregates, after the model's filter. For looking at what a metric counts, row by row.
 */
public final class SemanticModelViews {
  /** The schema the views are in. */
  public static final String SCHEMA = "semantic";

  private SemanticModelViews() {}

  /**
   * The views' SQL by model name.
   *
   * @param tableSql the SQL name of a lake table ({@code gold/fact_order} to {@code
   *     "gold"."fact_order"})
   */
  public static Map<String, String> of(
      SemanticManifest manifest, Function<String, String> tableSql) {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(tableSql, "tableSql is null");
    Map<String, String> views = new LinkedHashMap<>();
    for (SemanticModel model : manifest.semanticModels()) {
      try {
        views.put(model.name(), view(model, tableSql));
      } catch (IllegalArgumentException e) {
        // An expression that does not parse: 'salesdw model validate' reports it; the model
        // simply has no view.
      }
    }
    return views;
  }

  private static String view(SemanticModel model, Function<String, String> tableSql) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String> columns = new ArrayList<>();
    String alias = quote("t0");
    for (Entity entity : model.entities()) {
      if (names.add(entity.name())) {
        columns.add(SqlFragments.qualify(entity.expr(), alias) + " AS " + quote(entity.name()));
      }
    }
    for (Dimension dimension : model.dimensions()) {
      if (names.add(dimension.name())) {
        columns.add(
            SqlFragments.qualify(dimension.expr(), alias) + " AS " + quote(dimension.name()));
      }
    }
    for (Measure measure : model.measures()) {
      if (names.add(measure.name())) {
        columns.add(SqlFragments.qualify(measure.expr(), alias) + " AS " + quote(measure.name()));
      }
    }
    return "SELECT "
        + String.join(", ", columns)
        + " FROM "
        + tableSql.apply(model.table())
        + " AS "
        + alias
        + model.filter().map(f -> " WHERE " + SqlFragments.qualify(f, alias)).orElse("");
  }
}
