package io.salesdw.transforms.incentives;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A received payment on a deal, as the commission calculation needs it.
 *
 * @param paymentNo the payment's number, which orders payments received on the same day
 * @param repId the rep who owned the deal on the day received (who earns the commission)
 * @param receivedDate the day the money arrived
 * @param dueDate the day it was due, if the ERP has one
 * @param amount the amount received
 */
public record CommissionPayment(
    String paymentNo,
    String repId,
    LocalDate receivedDate,
    Optional<LocalDate> dueDate,
    BigDecimal amount) {
  public CommissionPayment {
    requireNonNull(paymentNo, "paymentNo is null");
    requireNonNull(repId, "repId is null");
    requireNonNull(receivedDate, "receivedDate is null");
    requireNonNull(dueDate, "dueDate is null");
    requireNonNull(amount, "amount is null");
  }
}
