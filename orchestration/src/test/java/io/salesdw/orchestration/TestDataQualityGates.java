package io.salesdw.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDataQualityGates {
  private static final YearMonth JUNE = YearMonth.of(2025, 6);

  /** Hand-made measurements of a lake. */
  record Measures(
      List<QuarantineMeasure> quarantine,
      List<ReconciliationMeasure> reconciliation,
      Map<String, Long> marts)
      implements QualityMeasures {
    @Override
    public List<QuarantineMeasure> quarantine(YearMonth month) {
      return quarantine;
    }

    @Override
    public List<ReconciliationMeasure> reconciliation(YearMonth month) {
      return reconciliation;
    }

    @Override
    public long martRows(String mart, YearMonth month) {
      return marts.getOrDefault(mart, 0L);
    }
  }

  private static final Measures HEALTHY =
      new Measures(
          // 5 of 100 is exactly 5%: at the threshold, not above it.
          List.of(new QuarantineMeasure("bronze/crm_leads", "crm-1", 100, 5)),
          List.of(new ReconciliationMeasure("batch crm-1 rows read: ledger vs audit", 100, 100)),
          Map.of("mart_target_attainment", 12L));

  @Test
  void quarantineRateAboveTheThresholdFailsNamingTableRateAndThreshold() throws Exception {
    Measures measures =
        new Measures(
            List.of(
                new QuarantineMeasure("bronze/crm_leads", "crm-1", 100, 5),
                new QuarantineMeasure("bronze/erp_payments", "erp-9", 400, 21)),
            List.of(),
            Map.of());

    List<GateViolation> violations = new QuarantineRateGate(0.05).check(measures, JUNE);

    // 21 / 400 = 5.25% > 5%; 5 / 100 = 5% is not above.
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).measured()).isEqualTo(0.0525);
    assertThat(violations.get(0).threshold()).isEqualTo(0.05);
    assertThat(violations.get(0).reason())
        .isEqualTo(
            "gate quarantine-rate: bronze/erp_payments quarantined 5.25% of its rows (21 of 400,"
                + " batch erp-9), above the threshold 5.00%");
  }

  @Test
  void reconciliationMismatchFailsWithBothCounts() throws Exception {
    Measures measures =
        new Measures(
            List.of(),
            List.of(
                new ReconciliationMeasure("batch chat-3 rows read: ledger vs audit", 1000, 997),
                new ReconciliationMeasure("erp customers: source vs silver", 50, 50)),
            Map.of());

    List<GateViolation> violations = new ReconciliationGate(0).check(measures, JUNE);

    assertThat(violations)
        .extracting(GateViolation::reason)
        .containsExactly(
            "gate reconciliation: batch chat-3 rows read: ledger vs audit expected 1000 rows but"
                + " found 997 (off by 3, tolerance 0)");
    assertThat(new ReconciliationGate(3).check(measures, JUNE)).isEmpty();
  }

  @Test
  void anEmptyMonthlyMartFailsNamingMartAndMonth() throws Exception {
    Measures measures = new Measures(List.of(), List.of(), Map.of("mart_target_attainment", 12L));

    List<GateViolation> violations =
        new EmptyMartGate(List.of("mart_target_attainment", "mart_incentive_health"), 1)
            .check(measures, JUNE);

    assertThat(violations)
        .extracting(GateViolation::reason)
        .containsExactly(
            "gate empty-mart: gold/mart_incentive_health has 0 rows for 2025-06, fewer than the"
                + " minimum 1");
  }

  @Test
  void theGatesTaskReportsEveryFailedGateAndPassesAHealthyLake() throws Exception {
    List<DataQualityGate> gates =
        List.of(
            new QuarantineRateGate(0.01),
            new ReconciliationGate(0),
            new EmptyMartGate(List.of("mart_target_attainment", "mart_lead_sla"), 1));

    TaskOutcome failed = new QualityGatesAction(gates, HEALTHY).run(JUNE);
    TaskOutcome passed =
        new QualityGatesAction(
                List.of(
                    new QuarantineRateGate(0.05),
                    new ReconciliationGate(0),
                    new EmptyMartGate(List.of("mart_target_attainment"), 1)),
                HEALTHY)
            .run(JUNE);

    assertThat(failed.status()).isEqualTo(TaskStatus.GATE_FAILED);
    assertThat(failed.violations())
        .extracting(GateViolation::gate)
        .containsExactly("quarantine-rate", "empty-mart");
    assertThat(failed.message())
        .isEqualTo(
            "gate quarantine-rate: bronze/crm_leads quarantined 5.00% of its rows (5 of 100, batch"
                + " crm-1), above the threshold 1.00%; gate empty-mart: gold/mart_lead_sla has 0"
                + " rows for 2025-06, fewer than the minimum 1");
    assertThat(passed.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(passed.metrics()).containsEntry("gates_passed", 3L);
  }

  @Test
  void thresholdsAreValidated() {
    assertThatThrownBy(() -> new QuarantineRateGate(1.5))
        .hasMessage("maxRate must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> new EmptyMartGate(List.of("m"), 0))
        .hasMessage("minRows must be at least 1, got 0");
  }
}
