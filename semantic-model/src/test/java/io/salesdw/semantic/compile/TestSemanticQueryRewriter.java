package io.salesdw.semantic.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.model.SemanticManifestLoader;
import org.junit.jupiter.api.Test;

/**
 * The rewriter's wrapping of a compiled metric query: what an analyst's select list, HAVING, ORDER
 * BY and LIMIT become around it. (Its answers: io.salesdw.semantic.TestShippedMetrics.)
 */
class TestSemanticQueryRewriter {
  private final SemanticQueryRewriter rewriter =
      new SemanticQueryRewriter(
          SemanticManifestLoader.loadShipped(), table -> "\"" + table.replace("/", "\".\"") + "\"");

  // Regression: ORDER BY a select item's alias was refused with "ORDER BY reads 'rep_revenue',
  // which is not in GROUP BY. Add it to GROUP BY."
  @Test
  void orderByMayNameASelectItemByItsAlias() {
    RewrittenQuery rewritten =
        rewriter.rewrite(
            "SELECT rep_name, MEASURE(revenue) AS rep_revenue FROM metrics GROUP BY rep_name"
                + " ORDER BY rep_revenue DESC LIMIT 2");

    assertThat(rewritten.sql())
        .startsWith("SELECT \"rep_name\" AS \"rep_name\", \"revenue\" AS \"rep_revenue\"\nFROM (")
        .endsWith(") AS \"metrics\"\nORDER BY \"rep_revenue\" DESC\nLIMIT 2");
    assertThat(rewritten.metricColumns()).containsExactly("revenue");
  }

  @Test
  void havingAndOrderByOnMetricsApplyToTheCompiledRows() {
    RewrittenQuery rewritten =
        rewriter.rewrite(
            "SELECT rep_name, MEASURE(revenue) FROM metrics GROUP BY rep_name"
                + " HAVING MEASURE(win_rate) > 0.5 ORDER BY MEASURE(revenue) DESC, rep_name");

    assertThat(rewritten.sql())
        .endsWith(
            ") AS \"metrics\"\nWHERE \"win_rate\" > 0.5\nORDER BY \"revenue\" DESC, \"rep_name\"");
    // A metric only HAVING reads is computed too.
    assertThat(rewritten.metricColumns()).containsExactly("revenue", "win_rate");
    assertThat(rewritten.dimensionColumns()).containsExactly("rep_name");
  }
}
