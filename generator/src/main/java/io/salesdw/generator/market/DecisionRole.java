package io.salesdw.generator.market;

/** A contact's role in the buying decision, as the CRM exports it. */
public enum DecisionRole {
  /** Key person: signs or approves. */
  KP,
  Influencer,
  User
}
