package io.salesdw.orchestration;

import java.time.YearMonth;
import java.util.List;

/**
 * What the data-quality gates measure in the lake; the application reads it (Spark or Delta
 * Kernel), so this module stays free of both.
 */
public interface QualityMeasures {
  /** The bronze tables of the batches the month's run is built on, with their audit counts. */
  List<QuarantineMeasure> quarantine(YearMonth month) throws Exception;

  /** Pairs of counts that must agree (ledger against audit, source against lake). */
  List<ReconciliationMeasure> reconciliation(YearMonth month) throws Exception;

  /** The rows of the gold table {@code mart} in {@code month}'s partition. */
  long martRows(String mart, YearMonth month) throws Exception;
}
