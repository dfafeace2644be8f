package io.salesdw.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SourceSystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestCustomerMatcher {
  private static final String HUATAI_CODE = "91310000MA1FL0XX1A";

  /**
   * Worked out by hand: A1/C1 share a credit code; W1 is A1's short name; W2 its pinyin name; A2 is
   * another company of the same brand; A3/C2 share a phone, W4 is A3's contact in WeCom; the
   * hospital type without a city (W5) fits the 第一人民医院 of two cities, so it links to neither.
   */
  private static List<IdentityRecord> records() {
    return List.of(
        IdentityRecords.crmAccount(
            "A1",
            "上海华泰医疗器械有限公司",
            Optional.of(HUATAI_CODE),
            Optional.of("021-51234567"),
            Optional.of("info@huatai-med.cn"),
            Optional.of("华东"),
            Optional.of("上海"),
            List.of()),
        IdentityRecords.erpCustomer(
            "C1",
            "华泰医疗器械（上海）有限公司",
            Optional.of(HUATAI_CODE),
            Optional.empty(),
            Optional.empty(),
            Optional.of("华东"),
            Optional.of("上海市浦东新区张江路1号")),
        IdentityRecords.chatContact(
            "W1", Optional.of("李雷"), Optional.of("上海华泰医疗"), Optional.empty()),
        IdentityRecords.chatContact(
            "W2",
            Optional.of("Li Lei"),
            Optional.of("Shanghai Huatai Yiliao Qixie Youxian Gongsi"),
            Optional.empty()),
        IdentityRecords.crmAccount(
            "A2",
            "上海华泰软件股份有限公司",
            Optional.empty(),
            Optional.of("021-59876543"),
            Optional.empty(),
            Optional.of("华东"),
            Optional.of("上海"),
            List.of()),
        IdentityRecords.crmAccount(
            "A3",
            "北京康达软件有限公司",
            Optional.empty(),
            Optional.of("010-66667777"),
            Optional.empty(),
            Optional.of("华北"),
            Optional.of("北京"),
            List.of(new IdentityRecords.AccountContact("A3", Optional.empty(), Optional.of("W4")))),
        IdentityRecords.erpCustomer(
            "C2",
            "Beijing Kangda Software Co., Ltd.",
            Optional.empty(),
            Optional.of("010 6666 7777"),
            Optional.empty(),
            Optional.of("华北"),
            Optional.empty()),
        IdentityRecords.chatContact("W4", Optional.of("王总"), Optional.empty(), Optional.empty()),
        IdentityRecords.crmAccount(
            "A4",
            "上海市第一人民医院",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("华东"),
            Optional.of("上海"),
            List.of()),
        IdentityRecords.crmAccount(
            "A5",
            "北京市第一人民医院",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("华北"),
            Optional.of("北京"),
            List.of()),
        IdentityRecords.chatContact(
            "W5", Optional.of("张医生"), Optional.of("第一人民医院"), Optional.empty()));
  }

  @Test
  void clustersAsWorkedOutByHand() {
    List<CrosswalkEntry> crosswalk = new CustomerMatcher().match(records());
    assertThat(clusters(crosswalk))
        .containsExactlyInAnyOrder(
            Set.of("crm:A1", "erp:C1", "chat:W1", "chat:W2"),
            Set.of("crm:A2"),
            Set.of("crm:A3", "erp:C2", "chat:W4"),
            Set.of("crm:A4"),
            Set.of("crm:A5"),
            Set.of("chat:W5"));
  }

  @Test
  void everyMatchCarriesItsRuleAndEvidence() {
    Map<String, CrosswalkEntry> byKey =
        new CustomerMatcher()
            .match(records()).stream()
                .collect(Collectors.toMap(e -> e.source().code() + ":" + e.recordId(), e -> e));
    assertThat(byKey.get("erp:C1").matchRule()).isEqualTo(MatchRule.UNIFIED_SOCIAL_CREDIT_CODE);
    assertThat(byKey.get("erp:C1").evidence())
        .isEqualTo("unified_social_credit_code=" + HUATAI_CODE + " with crm:A1");
    assertThat(byKey.get("erp:C1").score()).isEqualTo(1.0);
    assertThat(byKey.get("erp:C2").matchRule()).isEqualTo(MatchRule.PHONE);
    assertThat(byKey.get("erp:C2").evidence()).isEqualTo("phone=01066667777 with crm:A3");
    assertThat(byKey.get("chat:W4").matchRule()).isEqualTo(MatchRule.CHAT_CONTACT_LINK);
    assertThat(byKey.get("chat:W1").matchRule()).isEqualTo(MatchRule.SIMILAR_NAME);
    // Jaro-Winkler of 华泰医疗 and 华泰医疗器械: 4 matches, no transpositions, 4-character prefix.
    double jaro = (4.0 / 4 + 4.0 / 6 + 1.0) / 3;
    assertThat(byKey.get("chat:W1").score()).isCloseTo(jaro + 0.4 * (1 - jaro), within());
    assertThat(byKey.get("chat:W1").evidence()).contains("华泰医疗 (上海)", "华泰医疗器械 (上海) limited");
    assertThat(byKey.get("chat:W2").matchRule()).isEqualTo(MatchRule.ROMANISED_NAME);
    assertThat(byKey.get("chat:W5").matchRule()).isEqualTo(MatchRule.UNMATCHED);
    assertThat(byKey.get("chat:W5").score()).isZero();
  }

  @Test
  void shortNameOfTwoRegisteredCompaniesLinksToNeither() {
    List<IdentityRecord> records =
        List.of(
            IdentityRecords.crmAccount(
                "A1",
                "南京伟业云计算有限公司",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of()),
            IdentityRecords.crmAccount(
                "A2",
                "南京伟业云计算股份有限公司",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of()),
            IdentityRecords.chatContact(
                "W1", Optional.empty(), Optional.of("南京伟业云计算"), Optional.empty()));
    assertThat(clusters(new CustomerMatcher().match(records)))
        .containsExactlyInAnyOrder(Set.of("crm:A1"), Set.of("crm:A2"), Set.of("chat:W1"));
  }

  @Test
  void differentCreditCodesAreNeverMerged() {
    List<IdentityRecord> records =
        List.of(
            IdentityRecords.crmAccount(
                "A1",
                "上海华泰医疗器械有限公司",
                Optional.of("91310000MA1FL0XX1A"),
                Optional.of("021-51234567"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of()),
            IdentityRecords.erpCustomer(
                "C1",
                "上海华泰医疗器械有限公司",
                Optional.of("91310000MA1FL0YY2B"),
                Optional.of("021-51234567"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(clusters(new CustomerMatcher().match(records)))
        .containsExactlyInAnyOrder(Set.of("crm:A1"), Set.of("erp:C1"));
  }

  @Test
  void inputOrderDoesNotChangeTheCrosswalk() {
    List<IdentityRecord> shuffled = new ArrayList<>(records());
    Collections.shuffle(shuffled, new Random(7));
    assertThat(new CustomerMatcher().match(shuffled))
        .isEqualTo(new CustomerMatcher().match(records()));
  }

  @Test
  void recordsNeedAnId() {
    assertThatThrownBy(
            () ->
                new IdentityRecord(
                    SourceSystem.CRM,
                    " ",
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recordId is blank");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static Set<Set<String>> clusters(List<CrosswalkEntry> crosswalk) {
    return crosswalk.stream()
        .collect(
            Collectors.groupingBy(
                CrosswalkEntry::unifiedCustomerId,
                Collectors.mapping(
                    e -> e.source().code() + ":" + e.recordId(), Collectors.toSet())))
        .values()
        .stream()
        .collect(Collectors.toSet());
  }
}
