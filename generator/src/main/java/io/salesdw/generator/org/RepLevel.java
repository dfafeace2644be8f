package io.salesdw.generator.org;

/** A rep's level as the CRM exports it. */
public enum RepLevel {
  L1,
  L2,
  L3,
  M1
}
