package io.salesdw.transforms;

import static io.salesdw.transforms.GoldCatalog.sql;

import java.util.List;

/**
 * The funnel, lead-SLA and quote-approval marts.
 *
 * <p>None is partitioned by month: a deal's stage row, a lead cohort or a quote's revisions keep
 * changing after the month they start in (a deal advances, a lead converts, a revision is
 * approved), and the SLA mart's no-follow-up count depends on the as-of date, so each table is
 * rewritten whole. They carry {@code month_key} as a dimension all the same.
 */
final class FunnelMarts {
  private FunnelMarts() {}

  static List<GoldTable> tables() {
    return List.of(
        sql(
            "mart_funnel_stage_deal",
            "one row per opportunity and open stage it entered",
            List.of("gold.fact_opportunity_stage_transition", "gold.dim_stage"),
            false),
        sql(
            "mart_funnel_stage_summary",
            "one row per opportunity cohort month (and 'all') and open stage",
            List.of("gold.mart_funnel_stage_deal"),
            false),
        sql(
            "mart_lead_funnel",
            "one row per lead cohort month and channel",
            List.of("gold.fact_lead_lifecycle"),
            false),
        sql(
            "mart_lead_sla",
            "one row per lead creation month and channel",
            List.of("gold.fact_lead_lifecycle"),
            false),
        sql(
            "mart_quote_approval",
            "one row per submission month and product line",
            List.of("gold.fact_quote"),
            false));
  }
}
