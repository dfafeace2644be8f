package io.salesdw.transforms.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TestForecastCredibility {
  private static final double EXACT = 1e-9;

  @Test
  void unscoredForecastWithoutEvidenceHasTheBase() {
    assertThat(score(0.7, OptionalDouble.empty(), false, false, false))
        .isCloseTo(40, within(EXACT));
  }

  @Test
  void bothSignalsAndAgreementGiveNinety() {
    // 40 + 25 + 25 - 40 * |0.8 - 0.8| = 90.
    assertThat(score(0.8, OptionalDouble.of(0.8), true, true, false)).isCloseTo(90, within(EXACT));
  }

  @Test
  void tenderReviewAndDisagreementCostPoints() {
    // 40 + 25 (trial) - 10 (tender) - 40 * |0.2 - 0.7| = 55 - 20 = 35.
    assertThat(score(0.2, OptionalDouble.of(0.7), true, false, true)).isCloseTo(35, within(EXACT));
    // 40 + 25 (budget) - 40 * |0.6 - 0.45| = 65 - 6 = 59.
    assertThat(score(0.6, OptionalDouble.of(0.45), false, true, false))
        .isCloseTo(59, within(EXACT));
  }

  @Test
  void scoreIsClampedAtZero() {
    // 40 - 10 - 40 * |0.9 - 0.1| = 30 - 32 = -2, clamped to 0.
    assertThat(score(0.9, OptionalDouble.of(0.1), false, false, true)).isZero();
  }

  @Test
  void rejectsManagerProbabilityOutsideUnitInterval() {
    assertThatThrownBy(() -> new ForecastEvidence(0.5, OptionalDouble.of(1.2), false, false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("managerProbability must be in [0, 1] but was 1.2");
  }

  private static double score(
      double rep,
      OptionalDouble manager,
      boolean trialAgreementSigned,
      boolean budgetApproved,
      boolean inTenderReview) {
    return ForecastCredibility.score(
        new ForecastEvidence(rep, manager, trialAgreementSigned, budgetApproved, inTenderReview));
  }
}
