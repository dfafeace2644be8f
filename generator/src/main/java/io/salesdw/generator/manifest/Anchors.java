package io.salesdw.generator.manifest;

import io.salesdw.generator.crm.Activities;
import io.salesdw.generator.crm.Forecasts;
import io.salesdw.generator.crm.LeadSimulation;
import io.salesdw.generator.crm.OpportunitySimulation;
import io.salesdw.generator.crm.Stage;
import io.salesdw.generator.crm.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchored figures written to manifest.json. The README gives each one's definition in full;
 * the tolerances are those the generator's tests check at scale 0.1.
 */
public final class Anchors {
  private static final String SURVEYS = "industry surveys of Chinese B2B sales teams";

  private Anchors() {}

  public static List<Anchor> all() {
    List<Anchor> anchors = new ArrayList<>();
    anchors.add(
        new Anchor(
            "lead_no_follow_up_90d",
            LeadSimulation.NO_FOLLOW_UP_SHARE,
            0.02,
            SURVEYS,
            "leads created at least 90 days before the year end whose first_touch_at is empty or more than 90 days after created_at,"
                + " over all such leads (crm/leads.csv, duplicate rows counted once)"));
    double[] conversionTolerance = {0.02, 0.03, 0.03, 0.04, 0.04};
    double[] dwellTolerance = {0.15, 0.4, 0.3, 0.7, 0.5};
    for (Stage stage : Stage.values()) {
      boolean chosen = stage == Stage.CONTRACT_APPROVAL;
      String source = chosen ? "chosen by the generator (not published)" : SURVEYS;
      anchors.add(
          new Anchor(
              "stage_conversion." + stage.label(),
              stage.conversion(),
              conversionTolerance[stage.ordinal()],
              source,
              "over opportunities whose stage history shows them leaving "
                  + stage.label()
                  + " within the year, the share whose next row moves to the next stage (or 赢单) rather than 丢单"));
      anchors.add(
          new Anchor(
              "stage_dwell_days." + stage.label(),
              stage.meanDwellDays(),
              dwellTolerance[stage.ordinal()],
              source,
              "mean days between entering "
                  + stage.label()
                  + " and the next stage-history row of the same opportunity,"
                  + " over opportunities that left the stage within the year"));
    }
    anchors.add(
        new Anchor(
            "activity_summary_under_15_chars",
            Activities.SHORT_NOTE_SHARE,
            0.01,
            SURVEYS,
            "share of crm/activities.csv rows (malformed and duplicate rows excluded) whose summary has fewer than 15 characters"));
    anchors.add(
        new Anchor(
            "activity_no_attachment",
            Activities.NO_ATTACHMENT_SHARE,
            0.01,
            SURVEYS,
            "share of crm/activities.csv rows (malformed and duplicate rows excluded) whose attachments value is []"));
    anchors.add(
        new Anchor(
            "top20_rep_avg_won_value_ratio",
            OpportunitySimulation.TOP_REP_DEAL_VALUE_RATIO,
            0.05,
            SURVEYS,
            "reps with at least one 赢单 opportunity closed in the year ranked by won amount; the top ceil(20%) reps' average won"
                + " amount per opportunity divided by the other reps' average (owner_rep_id of crm/opportunities.csv)"));
    anchors.add(
        new Anchor(
            "forecast_over_confidence",
            Forecasts.REP_OVER_CONFIDENCE,
            0.05,
            SURVEYS,
            "over forecast-submissions rows whose opportunity is 赢单 or 丢单 at the year end: sum(rep_probability * forecast_amount)"
                + " / sum(forecast_amount of rows whose opportunity was won) - 1"));
    anchors.add(
        new Anchor(
            "target_attainment",
            Targets.ATTAINMENT,
            0.01,
            SURVEYS,
            "sum of amount of 赢单 opportunities closed in the year / sum of target_amount of rep-level rows in crm/targets.csv"));
    return List.copyOf(anchors);
  }
}
