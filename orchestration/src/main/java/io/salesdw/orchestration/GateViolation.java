package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

/**
 * A failed data-quality gate: which gate, on what (a table, a batch, a mart), the value measured,
 * the threshold it broke, and the sentence a person reads.
 */
public record GateViolation(
    String gate, String subject, double measured, double threshold, String reason) {
  public GateViolation {
    requireNonNull(gate, "gate is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(reason, "reason is null");
  }
}
