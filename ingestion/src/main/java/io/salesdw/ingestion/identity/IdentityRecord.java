package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import java.util.List;
import java.util.Optional;

/**
 * One record that stands for a customer company in one source system — a CRM account, an ERP
 * customer or a chat contact — with the attributes identity is decided on.
 *
 * @param source the system the record comes from
 * @param recordId its id there (account id, customer code, WeCom external user id)
 * @param name the company name as that system shows it
 * @param unifiedSocialCreditCode the 18-character 统一社会信用代码, where the system has one
 * @param phones phone numbers known for the company: its own and, for a CRM account, its contacts'
 * @param emails e-mail addresses known for the company
 * @param region the sales region, carried for the crosswalk's readers
 * @param city the city the system records for the company (not taken from the name)
 * @param chatContactIds WeCom external user ids: a chat contact's own, or those a CRM account's
 *     contacts are linked to
 */
public record IdentityRecord(
    SourceSystem source,
    String recordId,
    Optional<String> name,
    Optional<String> unifiedSocialCreditCode,
    List<String> phones,
    List<String> emails,
    Optional<String> region,
    Optional<String> city,
    List<String> chatContactIds) {
  public IdentityRecord {
    requireNonNull(source, "source is null");
    requireNonNull(recordId, "recordId is null");
    requireNonNull(name, "name is null");
    requireNonNull(unifiedSocialCreditCode, "unifiedSocialCreditCode is null");
    phones = List.copyOf(requireNonNull(phones, "phones is null"));
    emails = List.copyOf(requireNonNull(emails, "emails is null"));
    requireNonNull(region, "region is null");
    requireNonNull(city, "city is null");
    chatContactIds = List.copyOf(requireNonNull(chatContactIds, "chatContactIds is null"));
    if (recordId.isBlank()) {
      throw new IllegalArgumentException("recordId is blank");
    }
  }

  /** {@code source:recordId}, unique across the systems. */
  public String key() {
    return source.code() + ":" + recordId;
  }
}
