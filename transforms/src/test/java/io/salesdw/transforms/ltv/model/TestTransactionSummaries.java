package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.salesdw.contracts.SalesdwException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestTransactionSummaries {
  private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 3, 31);

  /**
   * Alice buys twice on 1 Jan (one purchase day), then on 15 Jan and 12 Feb, and once in the
   * holdout; Bob once in the calibration period and on two holdout days, one after the holdout end;
   * Carol only after the calibration end; Dave on 29 Feb and on the calibration end itself.
   */
  private static final List<CustomerTransaction> LOG =
      List.of(
          purchase("alice", "2024-01-01", 10.00),
          purchase("bob", "2024-03-01", 12.50),
          purchase("alice", "2024-01-01", 5.00),
          purchase("alice", "2024-01-15", 20.00),
          purchase("dave", "2024-02-29", 3.00),
          purchase("alice", "2024-02-12", 40.00),
          purchase("dave", "2024-03-31", 7.00),
          purchase("alice", "2024-04-10", 99.00),
          purchase("bob", "2024-04-02", 1.00),
          purchase("bob", "2024-04-02", 2.00),
          purchase("carol", "2024-04-05", 8.00),
          purchase("bob", "2024-05-01", 4.00));

  @Test
  void summarisesAHandWorkedLogInWeeks() {
    List<CustomerTransactionSummary> summaries =
        TransactionSummaries.summarise(LOG, PeriodUnit.WEEKS, CALIBRATION_END);

    // Alice: repeat days 15 Jan and 12 Feb (the two 1 Jan purchases are her first); last - first
    // = 42 days; 1 Jan to 31 Mar 2024 = 30 + 29 + 31 = 90 days; mean repeat spend (20 + 40) / 2.
    // Bob: one purchase, 1 Mar to 31 Mar = 30 days. Carol: first seen after the calibration end.
    // Dave: 29 Feb (leap day) and 31 Mar, 31 days apart, which is also his age.
    assertThat(summaries)
        .containsExactly(
            new CustomerTransactionSummary("alice", 2, 42 / 7.0, 90 / 7.0, 30.0),
            new CustomerTransactionSummary("bob", 0, 0.0, 30 / 7.0, 0.0),
            new CustomerTransactionSummary("dave", 1, 31 / 7.0, 31 / 7.0, 7.0));
  }

  @Test
  void measuresTimeInTheChosenUnit() {
    CustomerTransactionSummary alice =
        TransactionSummaries.summarise(LOG, PeriodUnit.DAYS, CALIBRATION_END).get(0);
    assertThat(alice.recency()).isEqualTo(42.0);
    assertThat(alice.age()).isEqualTo(90.0);

    CustomerTransactionSummary aliceInMonths =
        TransactionSummaries.summarise(LOG, PeriodUnit.MONTHS, CALIBRATION_END).get(0);
    double daysPerMonth = 365.2425 / 12;
    assertThat(aliceInMonths.recency()).isCloseTo(42 / daysPerMonth, within(1e-12));
    assertThat(aliceInMonths.age()).isCloseTo(90 / daysPerMonth, within(1e-12));
  }

  @Test
  void countsHoldoutPurchaseDaysOfCalibrationCustomersOnly() {
    CalibrationHoldoutSplit split =
        TransactionSummaries.calibrationAndHoldout(
            LOG, PeriodUnit.WEEKS, CALIBRATION_END, LocalDate.of(2024, 4, 30));

    Map<String, Integer> holdout =
        split.customers().stream()
            .collect(
                Collectors.toMap(
                    customer -> customer.calibration().customerId(),
                    CustomerHoldoutSummary::holdoutFrequency));
    // Alice: 10 Apr. Bob: 2 Apr once (two purchases, one day); 1 May is after the holdout end.
    // Carol is not a calibration customer.
    assertThat(holdout).containsExactlyInAnyOrderEntriesOf(Map.of("alice", 1, "bob", 1, "dave", 0));
    assertThat(split.holdoutLength()).isEqualTo(30 / 7.0);
    assertThat(split.calibrationSummaries())
        .isEqualTo(TransactionSummaries.summarise(LOG, PeriodUnit.WEEKS, CALIBRATION_END));
  }

  @Test
  void rejectsACalibrationEndBeforeEveryPurchase() {
    assertThatThrownBy(
            () -> TransactionSummaries.summarise(LOG, PeriodUnit.WEEKS, LocalDate.of(2023, 12, 31)))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("none of the 12 transactions")
        .hasMessageContaining("2023-12-31");
    assertThatThrownBy(
            () ->
                TransactionSummaries.calibrationAndHoldout(
                    LOG, PeriodUnit.WEEKS, CALIBRATION_END, CALIBRATION_END))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("holdout end 2024-03-31 is not after the calibration end");
  }

  /** The lifetimes package's own summary of the CDNOW sample is an independent route. */
  @Test
  void reproducesTheLifetimesSummaryOfTheCdnowSample() {
    List<CustomerTransactionSummary> ours =
        TransactionSummaries.summarise(
            CdnowSample.transactions(), PeriodUnit.WEEKS, CdnowSample.CALIBRATION_END);
    Map<String, CustomerTransactionSummary> published =
        CdnowSample.summariesWithSpend().stream()
            .collect(Collectors.toMap(CustomerTransactionSummary::customerId, Function.identity()));

    assertThat(ours).hasSize(CdnowSample.CUSTOMERS);
    // The published file rounds to 2 decimals.
    double rounding = 0.005 + 1e-9;
    for (CustomerTransactionSummary summary : ours) {
      CustomerTransactionSummary expected = published.get(summary.customerId());
      assertThat(expected).as(summary.customerId()).isNotNull();
      assertThat(summary.frequency()).as(summary.customerId()).isEqualTo(expected.frequency());
      assertThat(summary.recency())
          .as(summary.customerId())
          .isCloseTo(expected.recency(), within(rounding));
      assertThat(summary.age())
          .as(summary.customerId())
          .isCloseTo(expected.age(), within(rounding));
      assertThat(summary.monetaryValue())
          .as(summary.customerId())
          .isCloseTo(expected.monetaryValue(), within(rounding));
    }
  }

  private static CustomerTransaction purchase(String customer, String date, double amount) {
    return new CustomerTransaction(customer, LocalDate.parse(date), amount);
  }
}
