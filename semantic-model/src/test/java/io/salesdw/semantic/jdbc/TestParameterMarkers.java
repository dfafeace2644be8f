package io.salesdw.semantic.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestParameterMarkers {
  @Test
  void aQuestionMarkInTheSqlIsAParameter() {
    assertThat(ParameterMarkers.present("SELECT * FROM gold.fact_order WHERE order_no = ?"))
        .isTrue();
    assertThat(ParameterMarkers.present("SELECT ?")).isTrue();
    // After a literal with a doubled quote, and after a closed comment.
    assertThat(ParameterMarkers.present("SELECT 'it''s' /* x */ , ?")).isTrue();
  }

  @Test
  void aQuestionMarkInTextOrACommentIsNot() {
    assertThat(ParameterMarkers.present("SELECT 'why?' AS q")).isFalse();
    assertThat(ParameterMarkers.present("SELECT 'it''s?'")).isFalse();
    assertThat(ParameterMarkers.present("SELECT 1 AS \"what?\"")).isFalse();
    assertThat(ParameterMarkers.present("SELECT 1 -- really?\nFROM t")).isFalse();
    assertThat(ParameterMarkers.present("SELECT /* ? */ 1")).isFalse();
    // An unterminated literal or comment runs to the end.
    assertThat(ParameterMarkers.present("SELECT 'open ?")).isFalse();
    assertThat(ParameterMarkers.present("SELECT 1 /* open ?")).isFalse();
  }
}
