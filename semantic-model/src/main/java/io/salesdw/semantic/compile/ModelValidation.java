package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.ModelIssue;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The checks of a semantic model that need Calcite, run after {@link SemanticManifestLoader} has
 * checked its structure: every SQL expression parses; a derived metric's expr reads only its
 * inputs; filters read only dimensions and entities; and, given the lake's table schemas, every
 * model's table exists, its exprs read only its columns, and sums, sum-booleans and time dimensions
 * are over the right types. Like the loader, it reports every issue with its file and line.
 */
public final class ModelValidation {
  private ModelValidation() {}

  /**
   * Checks the expressions of a manifest, and its tables when their row types are given.
   *
   * @param tableRowTypes a lake table's row type by its name ({@code gold/fact_order}), empty for a
   *     table that does not exist; without it, only the checks that need no schema are made
   * @return every issue found, in the order of the manifest
   */
  public static List<ModelIssue> validate(
      SemanticManifest manifest, Optional<Function<String, Optional<RelDataType>>> tableRowTypes) {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(tableRowTypes, "tableRowTypes is null");
    List<ModelIssue> issues = new ArrayList<>(ModelExpressionCheck.check(manifest));
    tableRowTypes.ifPresent(
        rowTypes -> issues.addAll(ModelColumnCheck.check(manifest, rowTypes, List.of())));
    return List.copyOf(issues);
  }

  /**
   * Checks the expressions and tables of a manifest against the lake's tables, all of them known,
   * so that a missing table's issue names the nearest one.
   *
   * @param lakeTables each table's row type by its name ({@code gold/fact_order})
   */
  public static List<ModelIssue> validate(
      SemanticManifest manifest, Map<String, RelDataType> lakeTables) {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(lakeTables, "lakeTables is null");
    Map<String, RelDataType> tables = Map.copyOf(lakeTables);
    List<ModelIssue> issues = new ArrayList<>(ModelExpressionCheck.check(manifest));
    issues.addAll(
        ModelColumnCheck.check(
            manifest,
            table -> Optional.ofNullable(tables.get(table)),
            tables.keySet().stream().sorted().toList()));
    return List.copyOf(issues);
  }
}
