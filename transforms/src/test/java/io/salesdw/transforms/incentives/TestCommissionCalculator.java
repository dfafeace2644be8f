package io.salesdw.transforms.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.transforms.CommissionRules;
import io.salesdw.transforms.CommissionRules.CommissionTier;
import io.salesdw.transforms.CommissionRules.PaymentTimingBand;
import io.salesdw.transforms.FiscalCalendar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TestCommissionCalculator {
  private final CommissionCalculator calculator =
      new CommissionCalculator(CommissionRules.DEFAULT, FiscalCalendar.CALENDAR_YEAR);

  private static CommissionPayment payment(
      String number, String rep, String received, String due, String amount) {
    return new CommissionPayment(
        number,
        rep,
        LocalDate.parse(received),
        Optional.ofNullable(due).map(LocalDate::parse),
        new BigDecimal(amount));
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  @Test
  void splitsThePaymentThatCrossesTheThreshold() {
    // Given out of order: the calculator orders by day received.
    List<CommissionLine> lines =
        calculator.calculate(
            List.of(
                payment("P3", "R1", "2025-03-01", "2025-02-17", "120000.00"),
                payment("P1", "R1", "2025-01-10", "2025-01-10", "500000.00"),
                payment("P4", "R1", "2025-04-01", "2025-04-01", "10000.00"),
                payment("P2", "R1", "2025-02-03", "2025-02-03", "450000.00")));
    assertThat(lines)
        .extracting(l -> l.payment().paymentNo())
        .containsExactly("P1", "P2", "P3", "P4");
    // P1 and P2 stay below 1,000,000: base only, 5%.
    assertThat(lines.get(0).commissionAmount()).isEqualByComparingTo(money("25000.00"));
    assertThat(lines.get(1).collectedBefore()).isEqualByComparingTo(money("500000.00"));
    assertThat(lines.get(1).tierAmount()).isEqualByComparingTo(money("0"));
    // P3: collected before 500,000 + 450,000 = 950,000; after 1,070,000; the 70,000 above
    // 1,000,000 earns 2% more. Base 120,000 × 5% = 6,000; tier 70,000 × 2% = 1,400; 12 days late
    // falls in the "≤ 30 days" band, × 1.0.
    CommissionLine crossing = lines.get(2);
    assertThat(crossing.fiscalYear()).isEqualTo(2025);
    assertThat(crossing.collectedBefore()).isEqualByComparingTo(money("950000.00"));
    assertThat(crossing.baseCommission()).isEqualByComparingTo(money("6000.00"));
    assertThat(crossing.tierAmount()).isEqualByComparingTo(money("70000.00"));
    assertThat(crossing.tierCommission()).isEqualByComparingTo(money("1400.00"));
    assertThat(crossing.daysLate()).isEqualTo(OptionalLong.of(12));
    assertThat(crossing.timingBand().maxDaysLate()).isEqualTo(30);
    assertThat(crossing.commissionAmount()).isEqualByComparingTo(money("7400.00"));
    assertThat(crossing.calculationPath())
        .isEqualTo(
            "fiscal 2025 collected before 950,000.00; base 5% × 120,000.00 = 6,000.00;"
                + " above 1,000,000.00: 70,000.00 × 2% = 1,400.00;"
                + " paid 12 days late (band ≤ 30 days late) → ×1.0;"
                + " total 7,400.00 × 1.0 = 7,400.00");
    // P4 lies wholly above the threshold: 10,000 × (5% + 2%) = 700.
    assertThat(lines.get(3).tierAmount()).isEqualByComparingTo(money("10000.00"));
    assertThat(lines.get(3).commissionAmount()).isEqualByComparingTo(money("700.00"));
  }

  @Test
  void appliesTheFirstTimingBandThatCoversTheLateness() {
    // One rep, 10,000 each (base 500, far below the tier); due 2025-05-01.
    List<CommissionLine> lines =
        calculator.calculate(
            List.of(
                payment("A-early", "R2", "2025-04-26", "2025-05-01", "10000"),
                payment("B-due", "R2", "2025-05-01", "2025-05-01", "10000"),
                payment("C-1", "R2", "2025-05-02", "2025-05-01", "10000"),
                payment("D-30", "R2", "2025-05-31", "2025-05-01", "10000"),
                payment("E-31", "R2", "2025-06-01", "2025-05-01", "10000"),
                payment("F-90", "R2", "2025-07-30", "2025-05-01", "10000"),
                payment("G-91", "R2", "2025-07-31", "2025-05-01", "10000"),
                payment("H-none", "R2", "2025-08-01", null, "10000")));
    assertThat(lines)
        .extracting(l -> l.daysLate().isPresent() ? l.daysLate().getAsLong() : null)
        .containsExactly(-5L, 0L, 1L, 30L, 31L, 90L, 91L, null);
    assertThat(lines)
        .extracting(l -> l.timingBand().maxDaysLate())
        .containsExactly(0, 0, 30, 30, 90, 90, Integer.MAX_VALUE, 0);
    // 500 × 1, 500 × 1.0, 500 × 0.8 = 400, 500 × 0.5 = 250.
    assertThat(lines)
        .extracting(l -> l.commissionAmount().toPlainString())
        .containsExactly(
            "500.00", "500.00", "500.00", "500.00", "400.00", "400.00", "250.00", "500.00");
    assertThat(lines.get(0).calculationPath())
        .contains("paid 5 days early (band ≤ 0 days late) → ×1;");
    assertThat(lines.get(2).calculationPath()).contains("paid 1 day late (band ≤ 30 days late)");
    assertThat(lines.get(6).calculationPath())
        .endsWith("paid 91 days late (band > 90 days late) → ×0.5; total 500.00 × 0.5 = 250.00");
    assertThat(lines.get(7).calculationPath())
        .contains("no due date, counted as on time (band ≤ 0 days late) → ×1;");
  }

  @Test
  void roundsEachProductHalfUpToCents() {
    // 100.10 × 5% = 5.005 → 5.01 (half-even would give 5.00); 31 days late: 5.01 × 0.8 = 4.008
    // → 4.01.
    CommissionLine line =
        calculator
            .calculate(List.of(payment("P1", "R1", "2025-06-01", "2025-05-01", "100.10")))
            .get(0);
    assertThat(line.baseCommission()).isEqualByComparingTo(money("5.01"));
    assertThat(line.commissionAmount()).isEqualByComparingTo(money("4.01"));
    assertThat(line.commissionAmount().scale()).isEqualTo(2);
  }

  @Test
  void keepsRunningTotalsPerRepAndFiscalYearAndOrdersTiesByPaymentNumber() {
    // Fiscal years start in April: 2025-03-31 is fiscal 2025, 2025-04-01 fiscal 2026.
    CommissionCalculator april =
        new CommissionCalculator(CommissionRules.DEFAULT, new FiscalCalendar(4, DayOfWeek.MONDAY));
    List<CommissionLine> lines =
        april.calculate(
            List.of(
                payment("P2", "R1", "2025-03-31", "2025-03-31", "600000"),
                payment("P1", "R1", "2025-03-31", "2025-03-31", "600000"),
                payment("P3", "R1", "2025-04-01", "2025-04-01", "600000"),
                payment("Q1", "R2", "2025-03-31", "2025-03-31", "600000")));
    assertThat(lines)
        .extracting(l -> l.payment().paymentNo() + "@" + l.fiscalYear())
        .containsExactly("P1@2025", "P2@2025", "P3@2026", "Q1@2025");
    // Same day: P1 before P2, so P2 has 600,000 before it and 200,000 of it above 1,000,000.
    assertThat(lines.get(0).tierAmount()).isEqualByComparingTo(money("0"));
    assertThat(lines.get(1).collectedBefore()).isEqualByComparingTo(money("600000"));
    assertThat(lines.get(1).tierAmount()).isEqualByComparingTo(money("200000"));
    // 600,000 × 5% + 200,000 × 2% = 30,000 + 4,000.
    assertThat(lines.get(1).commissionAmount()).isEqualByComparingTo(money("34000.00"));
    // A new fiscal year and another rep start from zero.
    assertThat(lines.get(2).collectedBefore()).isEqualByComparingTo(money("0"));
    assertThat(lines.get(3).collectedBefore()).isEqualByComparingTo(money("0"));
    assertThat(lines.get(3).tierAmount()).isEqualByComparingTo(money("0"));
  }

  @Test
  void stacksTheExtraRatesOfSeveralTiers() {
    // Base 3%; +1% above 100, +2% more above 200.
    CommissionRules rules =
        new CommissionRules(
            new BigDecimal("0.03"),
            List.of(
                new CommissionTier(new BigDecimal("200"), new BigDecimal("0.02")),
                new CommissionTier(new BigDecimal("100"), new BigDecimal("0.01"))),
            List.of(new PaymentTimingBand(Integer.MAX_VALUE, BigDecimal.ONE)));
    List<CommissionLine> lines =
        new CommissionCalculator(rules, FiscalCalendar.CALENDAR_YEAR)
            .calculate(
                List.of(
                    payment("P1", "R1", "2025-01-01", "2025-01-01", "150"),
                    payment("P2", "R1", "2025-01-02", "2025-01-02", "100")));
    // P1: 150 × 3% = 4.50; above 100: 50 × 1% = 0.50; total 5.00.
    assertThat(lines.get(0).commissionAmount()).isEqualByComparingTo(money("5.00"));
    // P2 runs from 150 to 250: 100 above 100 (× 1% = 1.00) and 50 above 200 (× 2% = 1.00);
    // base 3.00; total 5.00.
    CommissionLine second = lines.get(1);
    assertThat(second.tiers())
        .extracting(t -> t.threshold().toPlainString() + ":" + t.amountAbove().toPlainString())
        .containsExactly("100:100.00", "200:50.00");
    assertThat(second.tierAmount()).isEqualByComparingTo(money("100"));
    assertThat(second.tierCommission()).isEqualByComparingTo(money("2.00"));
    assertThat(second.commissionAmount()).isEqualByComparingTo(money("5.00"));
    assertThat(second.calculationPath())
        .isEqualTo(
            "fiscal 2025 collected before 150.00; base 3% × 100.00 = 3.00;"
                + " above 100.00: 100.00 × 1% = 1.00; above 200.00: 50.00 × 2% = 1.00;"
                + " paid on the due date (band any lateness) → ×1; total 5.00 × 1 = 5.00");
  }
}
