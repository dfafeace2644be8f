package io.salesdw.ingestion.identity;

import io.salesdw.contracts.SourceSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link IdentityRecord}s from the columns of the source contracts, the same way for the
 * lake job and for the evaluation over the generator's files.
 */
public final class IdentityRecords {
  private IdentityRecords() {}

  /**
   * A CRM contact's ties to other systems: the people at an account are how its chat contacts and
   * their mobiles are known to belong to it.
   */
  public record AccountContact(
      String accountId, Optional<String> phone, Optional<String> wecomExternalUserId) {
    public AccountContact {
      java.util.Objects.requireNonNull(accountId, "accountId is null");
      java.util.Objects.requireNonNull(phone, "phone is null");
      java.util.Objects.requireNonNull(wecomExternalUserId, "wecomExternalUserId is null");
    }
  }

  /** A CRM account (contract crm/accounts) with its contacts (crm/contacts). */
  public static IdentityRecord crmAccount(
      String accountId,
      String accountName,
      Optional<String> creditCode,
      Optional<String> phone,
      Optional<String> email,
      Optional<String> region,
      Optional<String> city,
      List<AccountContact> contacts) {
    List<String> phones = new ArrayList<>();
    phone.ifPresent(phones::add);
    List<String> chatIds = new ArrayList<>();
    for (AccountContact contact : contacts) {
      contact.phone().ifPresent(phones::add);
      contact.wecomExternalUserId().ifPresent(chatIds::add);
    }
    return new IdentityRecord(
        SourceSystem.CRM,
        accountId,
        Optional.of(accountName),
        creditCode,
        phones,
        email.stream().toList(),
        region,
        city,
        chatIds);
  }

  /** An ERP customer (contract erp/customers); its city is the place its address starts with. */
  public static IdentityRecord erpCustomer(
      String customerCode,
      String customerName,
      Optional<String> creditCode,
      Optional<String> phone,
      Optional<String> email,
      Optional<String> region,
      Optional<String> address) {
    return new IdentityRecord(
        SourceSystem.ERP,
        customerCode,
        Optional.of(customerName),
        creditCode,
        phone.stream().toList(),
        email.stream().toList(),
        region,
        address.flatMap(Places.instance()::chinesePrefix),
        List.of());
  }

  /**
   * A chat contact (contract chat/contacts). Without a company on the profile, a nickname written
   * the common WeCom way, name-company (张伟-上海华泰医疗), still names the company.
   */
  public static IdentityRecord chatContact(
      String externalUserId,
      Optional<String> nickname,
      Optional<String> corpName,
      Optional<String> mobile) {
    Optional<String> company =
        corpName
            .filter(s -> !s.isBlank())
            .or(
                () ->
                    nickname
                        .filter(n -> n.indexOf('-') > 0 && n.indexOf('-') < n.length() - 1)
                        .map(n -> n.substring(n.indexOf('-') + 1).strip()));
    return new IdentityRecord(
        SourceSystem.CHAT,
        externalUserId,
        company,
        Optional.empty(),
        mobile.stream().toList(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(externalUserId));
  }
}
