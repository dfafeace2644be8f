package io.salesdw.semantic.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.semantic.model.SemanticModel;
import org.junit.jupiter.api.Test;

class TestGoldAccessRules {
  @Test
  void everyGoldTableTheShippedModelReadsHasARule() {
    GoldAccessRules rules = GoldAccessRules.shipped();
    for (SemanticModel model : SemanticManifestLoader.loadShipped().semanticModels()) {
      String table = model.table().substring("gold/".length());
      assertThat(rules.of(table)).as(model.name() + " reads " + model.table()).isPresent();
    }
  }

  @Test
  void anUnknownRowsByNamesTheFileTheTableAndTheChoices() {
    assertThatThrownBy(
            () ->
                GoldAccessRules.parse(
                    "tables:\n  - {table: fact_order, rows-by: salesperson, column: rep_id}\n",
                    "access.yaml"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("access.yaml")
        .hasMessageContaining("fact_order")
        .hasMessageContaining("salesperson")
        .hasMessageContaining("customer-totals");
  }

  @Test
  void aTableListedTwiceOrARepRuleWithoutItsColumnIsRefused() {
    assertThatThrownBy(
            () ->
                GoldAccessRules.parse(
                    "tables:\n  - {table: dim_date, rows-by: everyone}\n"
                        + "  - {table: dim_date, rows-by: everyone}\n",
                    "access.yaml"))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(
            () ->
                GoldAccessRules.parse(
                    "tables:\n  - {table: fact_order, rows-by: rep}\n", "access.yaml"))
        .hasMessageContaining("fact_order")
        .hasMessageContaining("needs a column");
  }

  @Test
  void anUnknownKeyIsRefusedWithItsLine() {
    assertThatThrownBy(
            () ->
                GoldAccessRules.parse(
                    "tables:\n  - {table: dim_date, rows-by: everyone, mask: [date]}\n",
                    "access.yaml"))
        .hasMessageContaining("access.yaml")
        .hasMessageContaining("mask");
  }
}
