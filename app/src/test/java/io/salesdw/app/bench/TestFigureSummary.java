package io.salesdw.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestFigureSummary {
  @Test
  void oddCountTakesTheMiddleValue() {
    FigureSummary summary = FigureSummary.of("seconds", "s", List.of(3.0, 1.0, 2.0, 9.0, 5.0));

    assertThat(summary.min()).isEqualTo(1.0);
    assertThat(summary.median()).isEqualTo(3.0);
    assertThat(summary.max()).isEqualTo(9.0);
  }

  @Test
  void evenCountAveragesTheTwoMiddleValues() {
    FigureSummary summary = FigureSummary.of("seconds", "s", List.of(4.0, 1.0, 10.0, 2.0));

    // sorted 1, 2, 4, 10: the median is (2 + 4) / 2
    assertThat(summary.median()).isEqualTo(3.0);
  }

  @Test
  void noValuesIsRefused() {
    assertThatThrownBy(() -> FigureSummary.of("rows", "rows", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values for figure rows");
  }
}
