package io.salesdw.semantic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestNearestName {
  @Test
  void measuresTheLevenshteinDistance() {
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3); // k/s, e/i, +g
    assertThat(NearestName.distance("revnue", "revenue")).isEqualTo(1);
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
    assertThat(NearestName.distance("same", "same")).isZero();
  }

  @Test
  void suggestsTheClosestNameIgnoringCase() {
    List<String> names = List.of("revenue", "revenue_total", "Region");
    assertThat(NearestName.among("revnue", names)).contains("revenue");
    assertThat(NearestName.among("region", names)).contains("Region");
    assertThat(NearestName.hint("revnue", names)).isEqualTo(" (did you mean 'revenue'?)");
  }

  @Test
  void suggestsAPrefixMatchBeyondTheDistance() {
    assertThat(NearestName.among("created", List.of("created_date", "updated_at")))
        .contains("created_date");
    assertThat(NearestName.among("pipeline_amount_usd", List.of("pipeline"))).contains("pipeline");
  }

  @Test
  void suggestsNothingFarAway() {
    assertThat(NearestName.among("quota", List.of("revenue", "region"))).isEmpty();
    // Three edits turn any three letters into any other three: no suggestion.
    assertThat(NearestName.among("abc", List.of("xyz"))).isEmpty();
    assertThat(NearestName.hint("quota", List.of("revenue"))).isEmpty();
  }
}
