package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The names a model expression reads, parsed as the compiler parses it: the columns of an expr or a
 * model's filter, the dimensions of a metric's filter. For lineage ({@code MetricLineage}).
 */
public final class ExpressionColumns {
  private ExpressionColumns() {}

  /**
   * The names an expression reads, each once, in order of appearance: the last part of each
   * identifier ({@code amount} of {@code t.amount}), without niladic functions such as {@code
   * CURRENT_DATE}. Empty for an expression that does not parse (the model's validation reports it).
   */
  public static List<String> namesRead(String expr) {
    requireNonNull(expr, "expr is null");
    Set<String> names = new LinkedHashSet<>();
    ModelExpressions.tryParse(expr)
        .ifPresent(
            parsed -> {
              for (SqlIdentifier identifier : ModelExpressions.identifiers(parsed)) {
                names.add(ModelExpressions.lastName(identifier));
              }
            });
    return List.copyOf(names);
  }
}
