package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestGeneratorConfig {
  private static final Path OUT = Path.of("target", "unused");

  @Test
  void defaultsAreTheDocumentedOnes() {
    GeneratorConfig config = GeneratorConfig.defaults(OUT);
    assertThat(config.scale()).isEqualTo(1.0);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.year()).isEqualTo(2025);
    assertThat(config.outputDirectory()).isEqualTo(OUT);
    assertThat(config.writeErpSql()).isFalse();
    assertThat(GeneratorConfig.MAX_SCALE).isEqualTo(10.0);
    assertThat(GeneratorConfig.MIN_YEAR).isEqualTo(2000);
    assertThat(GeneratorConfig.MAX_YEAR).isEqualTo(2100);
  }

  @Test
  void acceptsTheEdgesOfTheRanges() {
    assertThat(new GeneratorConfig(10, 1, 2000, OUT, true).scale()).isEqualTo(10);
    assertThat(new GeneratorConfig(0.0001, -5, 2100, OUT, false).year()).isEqualTo(2100);
  }

  @Test
  void rejectsScalesOutsideTheRangeWithAUserError() {
    for (double scale : new double[] {0, -1, 10.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new GeneratorConfig(scale, 42, 2025, OUT, false))
          .isInstanceOfSatisfying(
              SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
          .hasMessage(
              "Invalid scale "
                  + scale
                  + ": the scale must be greater than 0.0 and at most 10.0 (1 = one year of a 150-rep"
                  + " organisation). Pass for example --scale 0.1.");
    }
  }

  @Test
  void rejectsYearsOutsideTheRangeWithAUserError() {
    for (int year : new int[] {1999, 2101}) {
      assertThatThrownBy(() -> new GeneratorConfig(1, 42, year, OUT, false))
          .isInstanceOfSatisfying(
              SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
          .hasMessage(
              "Invalid year "
                  + year
                  + ": the simulated year must be between 2000 and 2100. Pass for example --year 2025.");
    }
  }

  @Test
  void requiresAnOutputDirectory() {
    assertThatThrownBy(() -> new GeneratorConfig(1, 42, 2025, null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outputDirectory is null");
  }
}
