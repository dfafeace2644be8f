package io.salesdw.transforms.ltv.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One purchase by one customer: the raw input from which the lifetime-value summaries are built.
 */
public record CustomerTransaction(String customerId, LocalDate date, double amount) {
  public CustomerTransaction {
    requireNonNull(customerId, "customerId is null");
    requireNonNull(date, "date is null");
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount is not finite: " + amount);
    }
  }
}
