package io.salesdw.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic models as views of their rows: {@code semantic.<model>}. */
class TestSemanticModelViews {
  @TempDir static Path lakeRoot;

  private static SemanticLayer layer;

  @BeforeAll
  static void openLayer() {
    TinyGoldLake.write(lakeRoot);
    layer =
        SemanticLayer.embedded(
            Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped());
  }

  @AfterAll
  static void closeLayer() {
    layer.close();
  }

  @Test
  void aModelsViewHasItsEntitiesDimensionsAndMeasuresByName() {
    QueryResult orders = layer.query("SELECT * FROM semantic.orders").result();

    assertThat(orders.columnNames())
        .containsExactly(
            "order_line",
            "customer",
            "product_line",
            "rep",
            "order_date",
            "order_amount",
            "order_gross_margin",
            "order_lines",
            "ordering_customers");
    assertThat(orders.rows()).hasSize(TinyGoldLake.ORDERS.size());
  }

  @Test
  void aViewAppliesItsModelsFilter() {
    // reps reads dim_rep's current versions only: one row per rep, though REP0001 has two.
    long current = TinyGoldLake.REPS.stream().filter(TinyGoldLake.Rep::isCurrent).count();

    QueryResult reps =
        layer.query("SELECT count(*), count(DISTINCT rep) FROM semantic.reps").result();

    assertThat(reps.rows().get(0).values())
        .containsExactly(Optional.of(current), Optional.of(current));
  }

  @Test
  void aViewAggregatesLikeTheRowsItNames() {
    BigDecimal expected =
        TinyGoldLake.ORDERS.stream()
            .map(TinyGoldLake.Order::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    QueryResult total = layer.query("SELECT SUM(order_amount) FROM semantic.orders").result();

    assertThat((BigDecimal) total.rows().get(0).values().get(0).orElseThrow())
        .isEqualByComparingTo(expected);
  }
}
