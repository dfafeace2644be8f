package io.salesdw.orchestration;

import java.time.YearMonth;
import java.util.List;

/**
 * A check that stops the month's run when the data is not fit to publish. Each gate names itself,
 * the value it measured and the threshold in every violation.
 */
public sealed interface DataQualityGate
    permits QuarantineRateGate, ReconciliationGate, EmptyMartGate {
  /** The gate's name in messages and the run state, kebab-case. */
  String name();

  /** Every violation of this gate for {@code month}; empty when it passes. */
  List<GateViolation> check(QualityMeasures measures, YearMonth month) throws Exception;
}
