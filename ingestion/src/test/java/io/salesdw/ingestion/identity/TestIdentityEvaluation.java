package io.salesdw.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIdentityEvaluation {
  @Test
  void pairwiseScoresOfAHandBuiltCrosswalk() {
    // Clusters {a,b,c} {d}; truth {a,b} {c,d}: predicted pairs ab ac bc = 3, true ab cd = 2,
    // correct ab = 1.
    List<CrosswalkEntry> crosswalk =
        List.of(entry("U1", "a"), entry("U1", "b"), entry("U1", "c"), entry("U2", "d"));
    IdentityEvaluation.Result result =
        IdentityEvaluation.score(
            crosswalk, Map.of("crm:a", "CO1", "crm:b", "CO1", "crm:c", "CO2", "crm:d", "CO2"));
    assertThat(result.predictedPairs()).isEqualTo(3);
    assertThat(result.truePairs()).isEqualTo(2);
    assertThat(result.correctPairs()).isEqualTo(1);
    assertThat(result.precision()).isEqualTo(1.0 / 3);
    assertThat(result.recall()).isEqualTo(1.0 / 2);
    assertThat(result.f1()).isCloseTo(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), within());
  }

  @Test
  void precisionAndRecallAtScaleOneTenth(@TempDir Path directory) {
    new SalesOrganisationGenerator(new GeneratorConfig(0.1, 42, 2025, directory, false))
        .generate(GenerationProgress.silent());
    IdentityEvaluation.Result result = IdentityEvaluation.evaluate(directory);
    assertThat(result.records()).isGreaterThan(1000);
    assertThat(result.precision()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(result.recall()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
  }

  private static CrosswalkEntry entry(String unified, String record) {
    return new CrosswalkEntry(unified, SourceSystem.CRM, record, "", MatchRule.EXACT_NAME, "", 0.9);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
