package io.salesdw.transforms;

import io.salesdw.transforms.dna.DnaSqlFunctions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The process-DNA marts: per-rep behaviour, silent customers, new-hire ramp, champion actions.
 *
 * <p>{@code mart_rep_process_dna} is computed in two layers: the measures (SQL resource, with the
 * text-mining functions of {@link DnaSqlFunctions}), then the radar scores and warning flags
 * defined here, so their thresholds are named constants that the table's definition text carries.
 */
final class ProcessDnaMarts {
  static final String REP_PROCESS_DNA = "mart_rep_process_dna";
  static final String SILENT_CUSTOMER = "mart_silent_customer";
  static final String NEW_HIRE_RAMP = "mart_new_hire_ramp";
  static final String CHAMPION_ACTION_MAP = "mart_champion_action_map";

  /** Revising proposals without discovery: more than this many re-quotes in the month ... */
  static final int REVISIONS_WITHOUT_DISCOVERY_REVISIONS_ABOVE = 3;

  /**
   * ... while customers asked fewer than this many questions in the month's transcribed calls and
   * meetings (at least one of which was transcribed: without one the mart cannot tell).
   */
  static final int REVISIONS_WITHOUT_DISCOVERY_QUESTIONS_BELOW = 2;

  /**
   * Busy without substance: a visits radar score at least this high (among the team's most visiting
   * reps) ...
   */
  static final double BUSY_WITHOUT_SUBSTANCE_MIN_VISITS_SCORE = 75.0;

  /** ... with an effective-visit-rate score at most this low (among its least effective). */
  static final double BUSY_WITHOUT_SUBSTANCE_MAX_EFFECTIVE_SCORE = 25.0;

  /** Monologue meetings: at least this many transcribed meetings in the month ... */
  static final int MONOLOGUE_MIN_MEETINGS = 2;

  /** ... in which the rep talked more than this share of the time. */
  static final double MONOLOGUE_MIN_TALK_SHARE = 0.65;

  /** The score of a rep who is alone (with a value) among their team's reps in the month. */
  static final double LONE_REP_SCORE = 50.0;

  /**
   * The radar axes: score column, measure, and whether a higher measure is better. Solution
   * revisions and objections have no good direction (a revision can answer a real need, an
   * objection voiced is better than one hidden), so they are reported but not scored.
   */
  static final List<RadarAxis> RADAR_AXES =
      List.of(
          new RadarAxis("radar_visits", "visits", true),
          new RadarAxis("radar_effective_visit_rate", "effective_visit_rate", true),
          new RadarAxis("radar_words_per_note", "words_per_note", true),
          new RadarAxis("radar_attachments_per_visit", "attachments_per_visit", true),
          new RadarAxis("radar_need_type_coverage", "need_type_coverage", true),
          new RadarAxis("radar_golden_action_completion", "golden_action_completion", true),
          new RadarAxis("radar_stage_update_timeliness", "stage_update_timeliness", true),
          new RadarAxis(
              "radar_customer_questions_per_meeting", "customer_questions_per_meeting", true),
          // Listening: the less of the meeting time the rep talks, the better.
          new RadarAxis("radar_listening", "talk_share", false),
          new RadarAxis("radar_decision_signals", "decision_signals", true));

  private ProcessDnaMarts() {}

  static List<GoldTable> tables() {
    return List.of(
        GoldCatalog.sqlTable(
            REP_PROCESS_DNA,
            "one row per rep and month",
            List.of(
                "gold.dim_rep",
                "gold.fact_activity",
                "gold.fact_call",
                "gold.fact_chat_message",
                "gold.fact_opportunity_stage_transition",
                "gold.fact_quote",
                "silver.crm_contacts"),
            true,
            "java:ProcessDnaMarts:1\n" + repProcessDnaSql(Map.of()),
            ProcessDnaMarts::repProcessDna),
        GoldCatalog.sql(
            SILENT_CUSTOMER,
            "one row per customer with an open opportunity that is silent as of the as-of date",
            List.of(
                "silver.crm_accounts",
                "silver.crm_opportunities",
                "silver.customer_crosswalk",
                "gold.fact_activity",
                "gold.dim_customer",
                "gold.dim_rep"),
            false),
        GoldCatalog.sql(
            NEW_HIRE_RAMP,
            "one row per rep",
            List.of("gold.dim_rep", "gold.fact_activity", "silver.crm_opportunities"),
            false),
        GoldCatalog.sql(
            CHAMPION_ACTION_MAP,
            "one row per action sequence and rep group (top, others)",
            List.of("silver.crm_opportunities", "gold.fact_activity"),
            false));
  }

  static Dataset<Row> repProcessDna(GoldContext context) {
    DnaSqlFunctions.register(context.spark());
    return context.spark().sql(repProcessDnaSql(context.parameters()));
  }

  /**
   * The full query: the measures of the SQL resource with the radar scores and warnings on top.
   * With no parameters (for the definition text) the {@code ${...}} placeholders stay as written.
   */
  static String repProcessDnaSql(Map<String, String> buildParameters) {
    String measures = GoldContext.sqlText(REP_PROCESS_DNA);
    if (!buildParameters.isEmpty()) {
      Map<String, String> parameters = new HashMap<>(buildParameters);
      parameters.put("turns_ddl", DnaSqlFunctions.TURNS_DDL);
      measures = GoldContext.render(measures, parameters);
    }
    String radar =
        RADAR_AXES.stream().map(ProcessDnaMarts::radarScore).collect(Collectors.joining(",\n"));
    String revisions =
        "(s.solution_revisions > "
            + REVISIONS_WITHOUT_DISCOVERY_REVISIONS_ABOVE
            + " AND s.conversations_transcribed > 0 AND s.conversation_customer_questions < "
            + REVISIONS_WITHOUT_DISCOVERY_QUESTIONS_BELOW
            + ")";
    String busy =
        "coalesce(s.radar_visits >= "
            + BUSY_WITHOUT_SUBSTANCE_MIN_VISITS_SCORE
            + "D AND s.radar_effective_visit_rate <= "
            + BUSY_WITHOUT_SUBSTANCE_MAX_EFFECTIVE_SCORE
            + "D, false)";
    String monologue =
        "coalesce(s.meetings_transcribed >= "
            + MONOLOGUE_MIN_MEETINGS
            + " AND s.talk_share > "
            + MONOLOGUE_MIN_TALK_SHARE
            + "D, false)";
    return "SELECT s.*,\n"
        + revisions
        + " AS warn_revisions_without_discovery,\n"
        + busy
        + " AS warn_busy_without_substance,\n"
        + monologue
        + " AS warn_monologue_meetings,\n("
        + revisions
        + " OR "
        + busy
        + " OR "
        + monologue
        + ") AS warning_flag,\n"
        + "nullif(concat_ws(',', CASE WHEN "
        + revisions
        + " THEN 'revisions_without_discovery' END, CASE WHEN "
        + busy
        + " THEN 'busy_without_substance' END, CASE WHEN "
        + monologue
        + " THEN 'monologue_meetings' END), '') AS warning_reasons\n"
        + "FROM (SELECT m.*,\n"
        + radar
        + "\nFROM (\n"
        + measures
        + "\n) m) s";
  }

  /**
   * A 0-100 score of one measure against the rep's peers, the non-manager reps of the same team in
   * the same month: the mid-rank percentile, 100 x (peers with a worse value + half the other peers
   * with the same value) / (peers with a value - 1). The worst scores 0, the best 100, all-equal
   * reps 50; a rep alone with a value among the peers scores {@value #LONE_REP_SCORE}; no value, no
   * score. Managers (level M1, few deals of their own) are nobody's peers and get no scores.
   */
  private static String radarScore(RadarAxis axis) {
    String value = "m." + axis.measure();
    String peerGroup = "PARTITION BY m.team_id, m.month_key, m.is_manager";
    String peers = "count(" + value + ") OVER (" + peerGroup + ")";
    String worse =
        "(rank() OVER ("
            + peerGroup
            + " ORDER BY "
            + value
            + (axis.higherIsBetter() ? " ASC" : " DESC")
            + " NULLS LAST) - 1)";
    String ties = "(count(*) OVER (" + peerGroup + ", " + value + ") - 1)";
    return "CASE WHEN m.is_manager OR "
        + value
        + " IS NULL THEN CAST(NULL AS DOUBLE) WHEN "
        + peers
        + " = 1 THEN "
        + LONE_REP_SCORE
        + "D ELSE 100.0D * ("
        + worse
        + " + 0.5D * "
        + ties
        + ") / ("
        + peers
        + " - 1) END AS "
        + axis.scoreColumn();
  }

  /** One axis of the behaviour radar. */
  record RadarAxis(String scoreColumn, String measure, boolean higherIsBetter) {}
}
