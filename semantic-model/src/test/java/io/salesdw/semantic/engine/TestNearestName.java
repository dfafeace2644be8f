package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestNearestName {
  @Test
  void distanceCountsEdits() {
    // kitten → sitten → sittin → sitting
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.distance("", "amount")).isEqualTo(6);
    assertThat(NearestName.distance("amount", "amount")).isZero();
  }

  @Test
  void suggestsTheNearestNameWithinReach() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("fact_order", "gold.fact_order");
    tables.put("fact_quote", "gold.fact_quote");
    tables.put("dim_rep", "gold.dim_rep");

    assertThat(NearestName.among("FACT_ORDR", tables)).hasValue("gold.fact_order");
    assertThat(NearestName.among("dim_reps", tables)).hasValue("gold.dim_rep");
    // Ten letters: up to three edits; "refund_ledger" is far from all.
    assertThat(NearestName.among("refund_ledger", tables)).isEmpty();
  }
}
