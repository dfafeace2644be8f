package io.salesdw.ingestion.identity;

import java.util.Locale;

/**
 * The rules by which two records are taken to be the same company, strongest first; a record's
 * crosswalk entry names the strongest rule that links it into its cluster.
 */
public enum MatchRule {
  /** The same unified social credit code: the company's legal registration, definitive. */
  UNIFIED_SOCIAL_CREDIT_CODE,
  /** A CRM contact of the account is linked to this WeCom external contact: the CRM's own link. */
  CHAT_CONTACT_LINK,
  /** A shared phone number (the company's switchboard or a contact person's mobile). */
  PHONE,
  /** The same name core in the same place once suffixes, widths and brackets are normalised. */
  EXACT_NAME,
  /** A similar Chinese name core (a short form) with no other company as close. */
  SIMILAR_NAME,
  /** A pinyin or English name whose romanisation matches one company's Chinese name only. */
  ROMANISED_NAME,
  /** Linked to no other record: a customer of its own. */
  UNMATCHED;

  /** The snake_case name written to the crosswalk's {@code match_rule} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
