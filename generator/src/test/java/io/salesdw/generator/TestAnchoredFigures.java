package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published figures the generator is anchored on come out of the files, measured here with this
 * test's own parsing and compared with the published values typed below — never with values the
 * generator computes. Definitions and tolerances are those in the generator README.
 */
class TestAnchoredFigures {
  private static final double NO_FOLLOW_UP_SHARE = 0.44;
  private static final String[] STAGES = {"初次接触", "需求确认", "方案演示", "报价谈判", "合同审批"};
  private static final double[] CONVERSIONS = {0.89, 0.63, 0.76, 0.42, 0.85};
  private static final double[] CONVERSION_TOLERANCES = {0.02, 0.03, 0.03, 0.04, 0.04};
  private static final double[] DWELL_DAYS = {2.1, 5.7, 4.3, 8.9, 6.0};
  private static final double DWELL_RELATIVE_TOLERANCE = 0.08;
  private static final double SHORT_NOTE_SHARE = 0.47;
  private static final double NO_ATTACHMENT_SHARE = 0.83;
  private static final double TOP_REP_RATIO = 1.53;
  private static final double FORECAST_OVER_CONFIDENCE = 0.40;
  private static final double ATTAINMENT = 0.75;

  private static GeneratedOrganisation organisation;
  private static LocalDateTime yearEnd;

  @BeforeAll
  static void generate() {
    organisation = GeneratedOrganisation.get();
    yearEnd = LocalDateTime.of(GeneratedOrganisation.YEAR + 1, 1, 1, 0, 0);
  }

  @Test
  void aboutFortyFourPercentOfLeadsGetNoFollowUpWithinNinetyDays() {
    Map<String, Map<String, String>> leads = leadsById();
    long eligible = 0;
    long neglected = 0;
    for (Map<String, String> lead : leads.values()) {
      LocalDateTime created = time(lead.get("created_at"));
      if (created.isAfter(yearEnd.minusDays(90))) {
        continue;
      }
      eligible++;
      String touch = lead.get("first_touch_at");
      if (touch.isEmpty()
          || Duration.between(created, time(touch)).compareTo(Duration.ofDays(90)) > 0) {
        neglected++;
      }
    }
    assertThat(eligible).isGreaterThan(1000);
    assertThat((double) neglected / eligible).isCloseTo(NO_FOLLOW_UP_SHARE, within(0.02));
  }

  @Test
  void onlyAMinorityOfWebFormsAndHotlineCallsMeetTheFirstTouchSla() {
    Map<String, Integer> sla = new HashMap<>();
    for (Map<String, String> channel :
        SourceFiles.csv(organisation.directory(), "crm/channels.csv").rows()) {
      sla.put(
          channel.get("channel_name"), Integer.parseInt(channel.get("first_touch_sla_minutes")));
    }
    assertThat(sla).containsEntry("官网表单", 15).containsEntry("400热线", 3);
    for (String channel : List.of("官网表单", "400热线")) {
      long touched = 0;
      long withinSla = 0;
      for (Map<String, String> lead : leadsById().values()) {
        if (lead.get("channel_name").equals(channel) && !lead.get("first_touch_at").isEmpty()) {
          touched++;
          Duration latency =
              Duration.between(time(lead.get("created_at")), time(lead.get("first_touch_at")));
          if (latency.compareTo(Duration.ofMinutes(sla.get(channel))) <= 0) {
            withinSla++;
          }
        }
      }
      assertThat((double) withinSla / touched).as(channel).isBetween(0.08, 0.45);
    }
  }

  @Test
  void stageConversionsAndDwellTimesMatchThePublishedFigures() {
    Map<String, List<Map<String, String>>> history = new LinkedHashMap<>();
    for (Map<String, String> row :
        SourceFiles.csv(organisation.directory(), "crm/opportunity-stage-history.csv").rows()) {
      history.computeIfAbsent(row.get("opportunity_id"), id -> new ArrayList<>()).add(row);
    }
    long[] left = new long[STAGES.length];
    long[] advanced = new long[STAGES.length];
    double[] dwellDays = new double[STAGES.length];
    for (List<Map<String, String>> rows : history.values()) {
      rows.sort(Comparator.comparing(row -> row.get("changed_at")));
      for (int i = 0; i + 1 < rows.size(); i++) {
        int stage = List.of(STAGES).indexOf(rows.get(i).get("to_stage"));
        if (stage < 0) {
          continue;
        }
        Map<String, String> next = rows.get(i + 1);
        assertThat(next.get("from_stage")).isEqualTo(STAGES[stage]);
        left[stage]++;
        if (!next.get("to_stage").equals("丢单")) {
          advanced[stage]++;
        }
        dwellDays[stage] +=
            Duration.between(time(rows.get(i).get("changed_at")), time(next.get("changed_at")))
                    .toSeconds()
                / 86_400.0;
      }
    }
    for (int stage = 0; stage < STAGES.length; stage++) {
      assertThat(left[stage]).as("opportunities leaving %s", STAGES[stage]).isGreaterThan(150);
      assertThat((double) advanced[stage] / left[stage])
          .as("conversion from %s", STAGES[stage])
          .isCloseTo(CONVERSIONS[stage], within(CONVERSION_TOLERANCES[stage]));
      assertThat(dwellDays[stage] / left[stage])
          .as("mean dwell in %s", STAGES[stage])
          .isCloseTo(DWELL_DAYS[stage], within(DWELL_DAYS[stage] * DWELL_RELATIVE_TOLERANCE));
    }
  }

  @Test
  void almostHalfOfVisitNotesAreShortAndMostActivitiesHaveNoAttachment() {
    Map<String, Map<String, String>> activities = new HashMap<>();
    for (Map<String, String> row :
        SourceFiles.csv(organisation.directory(), "crm/activities.csv").rows()) {
      activities.put(row.get("activity_id"), row);
    }
    long shortNotes =
        activities.values().stream()
            .filter(row -> row.get("summary").codePointCount(0, row.get("summary").length()) < 15)
            .count();
    long noAttachment =
        activities.values().stream().filter(row -> row.get("attachments").equals("[]")).count();
    assertThat((double) shortNotes / activities.size()).isCloseTo(SHORT_NOTE_SHARE, within(0.01));
    assertThat((double) noAttachment / activities.size())
        .isCloseTo(NO_ATTACHMENT_SHARE, within(0.01));
  }

  @Test
  void topFifthOfRepsWinDealsAboutFiftyThreePercentBigger() {
    Map<String, Double> wonAmount = new HashMap<>();
    Map<String, Integer> wonDeals = new HashMap<>();
    for (Map<String, String> opportunity : wonOpportunities()) {
      wonAmount.merge(
          opportunity.get("owner_rep_id"),
          Double.parseDouble(opportunity.get("amount")),
          Double::sum);
      wonDeals.merge(opportunity.get("owner_rep_id"), 1, Integer::sum);
    }
    List<String> ranked = new ArrayList<>(wonAmount.keySet());
    ranked.sort(
        Comparator.comparing((String rep) -> -wonAmount.get(rep)).thenComparing(rep -> rep));
    int top = (int) Math.ceil(0.2 * ranked.size());
    double ratio =
        averageDeal(ranked.subList(0, top), wonAmount, wonDeals)
            / averageDeal(ranked.subList(top, ranked.size()), wonAmount, wonDeals);
    assertThat(ratio).isCloseTo(TOP_REP_RATIO, within(0.05));
  }

  @Test
  void repForecastsAreAboutFortyPercentOverConfident() {
    Map<String, String> status = new HashMap<>();
    for (Map<String, String> opportunity :
        SourceFiles.csv(organisation.directory(), "crm/opportunities.csv").rows()) {
      status.put(opportunity.get("opportunity_id"), opportunity.get("status"));
    }
    double weighted = 0;
    double won = 0;
    for (Map<String, String> line :
        SourceFiles.csv(organisation.directory(), "crm/forecast-submissions.csv").rows()) {
      String outcome = status.get(line.get("opportunity_id"));
      if (!"赢单".equals(outcome) && !"丢单".equals(outcome)) {
        continue;
      }
      double amount = Double.parseDouble(line.get("forecast_amount"));
      weighted += Double.parseDouble(line.get("rep_probability")) * amount;
      won += outcome.equals("赢单") ? amount : 0;
    }
    assertThat(weighted / won - 1).isCloseTo(FORECAST_OVER_CONFIDENCE, within(0.05));
  }

  @Test
  void targetsAreSetSoAttainmentIsAboutSeventyFivePercent() {
    double won =
        wonOpportunities().stream().mapToDouble(row -> Double.parseDouble(row.get("amount"))).sum();
    double target =
        SourceFiles.csv(organisation.directory(), "crm/targets.csv").rows().stream()
            .filter(row -> row.get("target_level").equals("rep"))
            .mapToDouble(row -> Double.parseDouble(row.get("target_amount")))
            .sum();
    assertThat(won / target).isCloseTo(ATTAINMENT, within(0.01));
  }

  @Test
  void leadsShowTheSpringFestivalDipAndTheFourthQuarterPush() {
    Map<Month, Integer> leadsByMonth = new HashMap<>();
    Map<String, Integer> leadsByRegion = new HashMap<>();
    for (Map<String, String> lead : leadsById().values()) {
      leadsByMonth.merge(time(lead.get("created_at")).getMonth(), 1, Integer::sum);
      if (!lead.get("region_name").isEmpty()) {
        leadsByRegion.merge(lead.get("region_name"), 1, Integer::sum);
      }
    }
    // 2025's Spring Festival is 29 January: January and February are slow, the fourth quarter busy.
    assertThat(leadsByMonth.get(Month.FEBRUARY)).isLessThan(leadsByMonth.get(Month.MARCH));
    int firstQuarter =
        leadsByMonth.get(Month.JANUARY)
            + leadsByMonth.get(Month.FEBRUARY)
            + leadsByMonth.get(Month.MARCH);
    int fourthQuarter =
        leadsByMonth.get(Month.OCTOBER)
            + leadsByMonth.get(Month.NOVEMBER)
            + leadsByMonth.get(Month.DECEMBER);
    assertThat(fourthQuarter).isGreaterThan(firstQuarter * 11 / 10);
    int largest = leadsByRegion.values().stream().max(Integer::compare).orElseThrow();
    int smallest = leadsByRegion.values().stream().min(Integer::compare).orElseThrow();
    assertThat((double) largest / smallest).isGreaterThan(1.3);
  }

  @Test
  void trueWinProbabilitiesAreCalibratedAndSeparateWinsFromLosses() {
    Map<String, Double> probability = new HashMap<>();
    for (Map<String, String> row :
        SourceFiles.csv(organisation.directory(), "ground-truth/win-probabilities.csv").rows()) {
      probability.put(row.get("opportunity_id"), Double.parseDouble(row.get("win_probability")));
    }
    double expected = 0;
    double wins = 0;
    double wonMean = 0;
    double lostMean = 0;
    int closed = 0;
    int lost = 0;
    for (Map<String, String> opportunity :
        SourceFiles.csv(organisation.directory(), "crm/opportunities.csv").rows()) {
      String status = opportunity.get("status");
      if (status.equals("进行中")) {
        continue;
      }
      double p = probability.get(opportunity.get("opportunity_id"));
      closed++;
      expected += p;
      if (status.equals("赢单")) {
        wins++;
        wonMean += p;
      } else {
        lost++;
        lostMean += p;
      }
    }
    assertThat(wins / closed).isCloseTo(expected / closed, within(0.03));
    assertThat(wonMean / wins).isGreaterThan(1.5 * lostMean / lost);
  }

  private static double averageDeal(
      List<String> reps, Map<String, Double> amount, Map<String, Integer> deals) {
    return reps.stream().mapToDouble(amount::get).sum() / reps.stream().mapToInt(deals::get).sum();
  }

  private static List<Map<String, String>> wonOpportunities() {
    return SourceFiles.csv(organisation.directory(), "crm/opportunities.csv").rows().stream()
        .filter(row -> row.get("status").equals("赢单"))
        .toList();
  }

  private static Map<String, Map<String, String>> leadsById() {
    Map<String, Map<String, String>> leads = new HashMap<>();
    for (Map<String, String> row :
        SourceFiles.csv(organisation.directory(), "crm/leads.csv").rows()) {
      leads.put(row.get("lead_id"), row);
    }
    return leads;
  }

  private static LocalDateTime time(String text) {
    return LocalDateTime.parse(text, SourceFiles.CRM_TIMESTAMP);
  }
}
