package io.salesdw.transforms.text;

/**
 * The kinds of deal signal that {@link SignalLexicon} finds in sales text: a buying decision, or an
 * objection about price, service or a competitor.
 */
public enum SalesSignal {
  /** The customer has decided or is about to: budget approved, boss agreed, ready to sign. */
  DECISION,
  /** The price is too high, the budget too small, or the customer asks for a discount. */
  OBJECTION_PRICE,
  /** Complaints about after-sales response, support reachability, faults or delivery time. */
  OBJECTION_SERVICE,
  /** A competitor, another vendor or the incumbent supplier is in play. */
  OBJECTION_COMPETITOR;

  /** Whether this kind is one of the objections. */
  public boolean isObjection() {
    return this != DECISION;
  }
}
