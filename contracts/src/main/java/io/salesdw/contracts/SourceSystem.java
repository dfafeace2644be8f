package io.salesdw.contracts;

import java.util.Locale;

/** The source systems whose exports land in the lake. */
public enum SourceSystem {
  /** Leads, accounts, opportunities, activities, forecasts and targets. */
  CRM,
  /** Products, quotes, contracts, orders, invoices, payments and delivery tickets. */
  ERP,
  /** WeCom/DingTalk message archive and call/meeting records. */
  CHAT;

  /** The lower-case name used on the command line and in table names. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
