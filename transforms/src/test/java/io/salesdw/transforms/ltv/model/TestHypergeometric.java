package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the series against closed forms of 2F1 (Abramowitz and Stegun 15.1). */
class TestHypergeometric {
  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.3, 0.5, 0.9, 0.99, 0.9999})
  void matchesTheLogarithm(double z) {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    assertThat(Hypergeometric.gauss(1, 1, 2, z))
        .isCloseTo(-Math.log(1 - z) / z, withinPercentage(1e-10));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.5, 0.95, 0.999})
  void matchesTheBinomialSeries(double z) {
    // 2F1(a, b; b; z) = (1 - z)^-a, here with a = 0.37
    assertThat(Hypergeometric.gauss(0.37, 2.5, 2.5, z))
        .isCloseTo(Math.pow(1 - z, -0.37), withinPercentage(1e-10));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.7, 0.99})
  void matchesTheArcsine(double x) {
    // 2F1(1/2, 1/2; 3/2; x^2) = arcsin(x) / x
    assertThat(Hypergeometric.gauss(0.5, 0.5, 1.5, x * x))
        .isCloseTo(Math.asin(x) / x, withinPercentage(1e-10));
  }

  @Test
  void excessHasItsLimitWhereBVanishes() {
    // (2F1(c, b; c; z) - 1) / b = ((1 - z)^-b - 1) / b, which tends to -ln(1 - z) as b -> 0.
    double z = 0.8;
    assertThat(Hypergeometric.excess(3.0, 0.0, 3.0, z))
        .isCloseTo(-Math.log(1 - z), withinPercentage(1e-10));
    double b = 0.25;
    assertThat(Hypergeometric.excess(3.0, b, 3.0, z))
        .isCloseTo((Math.pow(1 - z, -b) - 1) / b, withinPercentage(1e-10));
  }

  @Test
  void refusesArgumentsOutsideTheDisc() {
    assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= z < 1");
    assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, -2, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undefined for c = -2");
  }
}
