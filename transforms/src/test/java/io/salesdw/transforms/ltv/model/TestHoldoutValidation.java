package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TestHoldoutValidation {
  @Test
  void scoresTheModelAndTheBaselineOnAHandWorkedSplit() {
    // Two customers, weeks; holdout of 10 weeks (70 days from 2024-03-31).
    // Ann: x = 3 over T = 20 weeks, 2 holdout purchases; baseline 3 / 20 * 10 = 1.5.
    // Ben: x = 0 over T = 5 weeks, 1 holdout purchase; baseline 0.
    CustomerTransactionSummary ann = new CustomerTransactionSummary("ann", 3, 18, 20, 10);
    CustomerTransactionSummary ben = new CustomerTransactionSummary("ben", 0, 0, 5, 0);
    CalibrationHoldoutSplit split =
        new CalibrationHoldoutSplit(
            LocalDate.of(2024, 3, 31),
            LocalDate.of(2024, 6, 9),
            PeriodUnit.WEEKS,
            10.0,
            List.of(new CustomerHoldoutSummary(ann, 2), new CustomerHoldoutSummary(ben, 1)));
    BgNbdModel model = BgNbdModel.of(new BgNbdParameters(0.5, 3.0, 0.8, 2.5));
    double annForecast = BgNbdByIntegration.conditional(0.5, 3.0, 0.8, 2.5, 3, 18, 20, 10);
    double benForecast = BgNbdByIntegration.conditional(0.5, 3.0, 0.8, 2.5, 0, 0, 5, 10);

    HoldoutScore score = HoldoutValidation.score(model, split);

    assertThat(score.customers()).isEqualTo(2);
    assertThat(score.actualTotal()).isEqualTo(3);
    assertThat(score.baselineTotal()).isCloseTo(1.5, within(1e-12));
    assertThat(score.baselineTotalError()).isCloseTo(-1.5, within(1e-12));
    assertThat(score.baselineMae()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
    assertThat(score.modelTotal()).isCloseTo(annForecast + benForecast, withinPercentage(1e-3));
    assertThat(score.modelMae())
        .isCloseTo(
            (Math.abs(annForecast - 2) + Math.abs(benForecast - 1)) / 2, withinPercentage(1e-3));
  }

  /** The papers' split: 39 weeks to fit, the next 39 to check, on the 2,357-customer sample. */
  @Test
  void beatsTheNaiveBaselineOnTheCdnowHoldout() {
    CalibrationHoldoutSplit split =
        TransactionSummaries.calibrationAndHoldout(
            CdnowSample.transactions(),
            PeriodUnit.WEEKS,
            CdnowSample.CALIBRATION_END,
            CdnowSample.HOLDOUT_END);

    HoldoutScore score = HoldoutValidation.fitAndScore(split);

    String figures =
        String.format(
            Locale.ROOT,
            "actual %d repeat purchases in %.1f weeks; model %.1f (total error %+.1f, MAE %.3f);"
                + " baseline %.1f (total error %+.1f, MAE %.3f)",
            score.actualTotal(),
            score.holdoutLength(),
            score.modelTotal(),
            score.modelTotalError(),
            score.modelMae(),
            score.baselineTotal(),
            score.baselineTotalError(),
            score.baselineMae());
    assertThat(score.customers()).isEqualTo(CdnowSample.CUSTOMERS);
    assertThat(score.holdoutLength()).as(figures).isEqualTo(39.0);
    assertThat(Math.abs(score.modelTotalError()))
        .as(figures)
        .isLessThan(Math.abs(score.baselineTotalError()));
    assertThat(score.modelMae()).as(figures).isLessThan(score.baselineMae());
    System.out.println("CDNOW holdout: " + figures);
  }
}
