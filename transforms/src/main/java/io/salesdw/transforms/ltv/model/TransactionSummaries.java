package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Builds the recency-frequency-monetary summaries the lifetime-value models are fitted on, from a
 * transaction log, with the conventions of the lifetimes package: purchases on the same day are one
 * purchase (amounts summed); the first purchase is not counted in the frequency nor in the mean
 * spend; recency runs from the first to the last purchase and age from the first purchase to the
 * end of the period, both in the chosen {@link PeriodUnit}. Period ends are inclusive.
 */
public final class TransactionSummaries {
  private TransactionSummaries() {}

  /**
   * One summary per customer who bought on or before {@code calibrationEnd}, sorted by customer id;
   * later transactions are ignored.
   */
  public static List<CustomerTransactionSummary> summarise(
      List<CustomerTransaction> transactions, PeriodUnit unit, LocalDate calibrationEnd) {
    requireNonNull(unit, "unit is null");
    requireNonNull(calibrationEnd, "calibrationEnd is null");
    List<CustomerTransactionSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, NavigableMap<LocalDate, Double>> customer :
        purchaseDays(transactions).entrySet()) {
      NavigableMap<LocalDate, Double> calibration =
          customer.getValue().headMap(calibrationEnd, true);
      if (!calibration.isEmpty()) {
        summaries.add(summary(customer.getKey(), calibration, unit, calibrationEnd));
      }
    }
    if (summaries.isEmpty()) {
      throw LtvErrors.noCustomersBefore(calibrationEnd, transactions.size());
    }
    return List.copyOf(summaries);
  }

  /**
   * Splits the log at {@code calibrationEnd}: calibration summaries of the customers first seen on
   * or before it, and their purchase days in (calibrationEnd, holdoutEnd].
   */
  public static CalibrationHoldoutSplit calibrationAndHoldout(
      List<CustomerTransaction> transactions,
      PeriodUnit unit,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd) {
    requireNonNull(unit, "unit is null");
    requireNonNull(calibrationEnd, "calibrationEnd is null");
    requireNonNull(holdoutEnd, "holdoutEnd is null");
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw LtvErrors.holdoutNotAfterCalibration(calibrationEnd, holdoutEnd);
    }
    List<CustomerHoldoutSummary> customers = new ArrayList<>();
    for (Map.Entry<String, NavigableMap<LocalDate, Double>> customer :
        purchaseDays(transactions).entrySet()) {
      NavigableMap<LocalDate, Double> days = customer.getValue();
      NavigableMap<LocalDate, Double> calibration = days.headMap(calibrationEnd, true);
      if (!calibration.isEmpty()) {
        int holdoutDays = days.subMap(calibrationEnd, false, holdoutEnd, true).size();
        customers.add(
            new CustomerHoldoutSummary(
                summary(customer.getKey(), calibration, unit, calibrationEnd), holdoutDays));
      }
    }
    if (customers.isEmpty()) {
      throw LtvErrors.noCustomersBefore(calibrationEnd, transactions.size());
    }
    return new CalibrationHoldoutSplit(
        calibrationEnd, holdoutEnd, unit, unit.between(calibrationEnd, holdoutEnd), customers);
  }

  /** Each customer's purchase days with the day's total, customers sorted by id. */
  private static Map<String, NavigableMap<LocalDate, Double>> purchaseDays(
      List<CustomerTransaction> transactions) {
    requireNonNull(transactions, "transactions is null");
    Map<String, NavigableMap<LocalDate, Double>> days = new TreeMap<>();
    for (CustomerTransaction transaction : transactions) {
      days.computeIfAbsent(transaction.customerId(), id -> new TreeMap<>())
          .merge(transaction.date(), transaction.amount(), Double::sum);
    }
    return days;
  }

  private static CustomerTransactionSummary summary(
      String customerId,
      NavigableMap<LocalDate, Double> purchaseDays,
      PeriodUnit unit,
      LocalDate periodEnd) {
    LocalDate first = purchaseDays.firstKey();
    LocalDate last = purchaseDays.lastKey();
    int frequency = purchaseDays.size() - 1;
    double repeatSpend = 0;
    for (double amount : purchaseDays.tailMap(first, false).values()) {
      repeatSpend += amount;
    }
    return new CustomerTransactionSummary(
        customerId,
        frequency,
        unit.between(first, last),
        unit.between(first, periodEnd),
        frequency == 0 ? 0.0 : repeatSpend / frequency);
  }
}
