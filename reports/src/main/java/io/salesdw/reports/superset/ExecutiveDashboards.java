package io.salesdw.reports.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five executive dashboards (funnel and lead SLA, forecast calibration, customer LTV, process
 * DNA, target health) and their charts, each chart over governed metrics of one dataset. A chart
 * whose metrics a model does not place on one dataset is left out, and a dashboard without charts
 * with it; the shipped model has them all (tested).
 */
record ExecutiveDashboards(List<ChartAsset> charts, List<DashboardAsset> dashboards) {
  private enum Kind {
    BIG_NUMBER,
    BY_MONTH,
    BY_DIMENSION
  }

  private record ChartSpec(String title, Kind kind, List<String> metrics, String dimension) {}

  private record DashboardSpec(
      String title, String slug, String description, List<ChartSpec> charts) {}

  private static final List<DashboardSpec> SPECS =
      List.of(
          new DashboardSpec(
              "Funnel and lead SLA",
              "salesdw-funnel-lead-sla",
              "Leads to MQLs to won deals, and how fast leads are first touched.",
              List.of(
                  chart("Leads and MQLs by month", Kind.BY_MONTH, null, "leads", "mqls"),
                  chart("Lead to MQL rate", Kind.BIG_NUMBER, null, "lead_to_mql_rate"),
                  chart(
                      "First-touch SLA rate by month", Kind.BY_MONTH, null, "first_touch_sla_rate"),
                  chart(
                      "Opportunities created, won and lost by month",
                      Kind.BY_MONTH,
                      null,
                      "opportunities_created",
                      "won_deals",
                      "lost_deals"),
                  chart("Win rate by industry", Kind.BY_DIMENSION, "deal_industry", "win_rate"))),
          new DashboardSpec(
              "Forecast calibration",
              "salesdw-forecast-calibration",
              "How well reps' probabilities predict outcomes (Brier score; lower is better).",
              List.of(
                  chart(
                      "Rep forecast Brier score by month",
                      Kind.BY_MONTH,
                      null,
                      "rep_forecast_brier"),
                  chart(
                      "Brier score by forecast category",
                      Kind.BY_DIMENSION,
                      "forecast_category",
                      "rep_forecast_brier"),
                  chart("Win rate by month", Kind.BY_MONTH, null, "win_rate"))),
          new DashboardSpec(
              "Customer LTV",
              "salesdw-customer-ltv",
              "Predicted 36-month customer value and how many customers are still buying.",
              List.of(
                  chart("Predicted 36-month value", Kind.BIG_NUMBER, null, "predicted_ltv_36m"),
                  chart("Customers valued", Kind.BIG_NUMBER, null, "customers"),
                  chart(
                      "Predicted value by acquisition channel",
                      Kind.BY_DIMENSION,
                      "acquisition_channel",
                      "predicted_ltv_36m"),
                  chart(
                      "Probability alive by acquisition channel",
                      Kind.BY_DIMENSION,
                      "acquisition_channel",
                      "average_probability_alive"))),
          new DashboardSpec(
              "Process DNA",
              "salesdw-process-dna",
              "How opportunities move through the stages, and whether on time.",
              List.of(
                  chart(
                      "Stage updates on time by month",
                      Kind.BY_MONTH,
                      null,
                      "stage_update_on_time_rate"),
                  chart(
                      "Stage changes by stage entered",
                      Kind.BY_DIMENSION,
                      "to_stage",
                      "stage_changes_metric",
                      "on_time_stage_changes_metric"),
                  chart(
                      "On-time rate by stage left",
                      Kind.BY_DIMENSION,
                      "from_stage",
                      "stage_update_on_time_rate"))),
          new DashboardSpec(
              "Target health",
              "salesdw-target-health",
              "Reps' targets against the won amount credited to them.",
              List.of(
                  chart("Target attainment", Kind.BIG_NUMBER, null, "target_attainment"),
                  chart(
                      "Target and credited won amount by month",
                      Kind.BY_MONTH,
                      null,
                      "target",
                      "credited_won_amount"),
                  chart("Target attainment by month", Kind.BY_MONTH, null, "target_attainment"))));

  ExecutiveDashboards {
    charts = List.copyOf(charts);
    dashboards = List.copyOf(dashboards);
  }

  static ExecutiveDashboards of(List<DatasetAsset> datasets) {
    List<ChartAsset> charts = new ArrayList<>();
    List<DashboardAsset> dashboards = new ArrayList<>();
    for (DashboardSpec spec : SPECS) {
      List<String> names = new ArrayList<>();
      for (ChartSpec chartSpec : spec.charts()) {
        chart(chartSpec, datasets)
            .ifPresent(
                chart -> {
                  charts.add(chart);
                  names.add(chart.sliceName());
                });
      }
      if (!names.isEmpty()) {
        dashboards.add(
            new DashboardAsset(
                spec.title(),
                spec.slug(),
                spec.description(),
                names,
                SupersetAssets.uuid("dashboard", spec.slug())));
      }
    }
    return new ExecutiveDashboards(charts, dashboards);
  }

  private static ChartSpec chart(String title, Kind kind, String dimension, String... metrics) {
    return new ChartSpec(title, kind, List.of(metrics), dimension);
  }

  private static Optional<ChartAsset> chart(ChartSpec spec, List<DatasetAsset> datasets) {
    for (DatasetAsset dataset : datasets) {
      if (!spec.metrics().stream().allMatch(m -> dataset.metric(m).isPresent())) {
        continue;
      }
      Map<String, Object> formData = new LinkedHashMap<>();
      String vizType;
      switch (spec.kind()) {
        case BIG_NUMBER:
          vizType = "big_number_total";
          formData.put("metric", spec.metrics().get(0));
          break;
        case BY_MONTH:
          if (dataset.mainDttmCol().isEmpty()) {
            return Optional.empty();
          }
          vizType = "echarts_timeseries_line";
          formData.put("x_axis", dataset.mainDttmCol().get());
          formData.put("time_grain_sqla", "P1M");
          formData.put("metrics", spec.metrics());
          formData.put("groupby", List.of());
          formData.put("row_limit", 10000);
          break;
        case BY_DIMENSION:
          if (dataset.columns().stream().noneMatch(c -> c.columnName().equals(spec.dimension()))) {
            return Optional.empty();
          }
          vizType = "echarts_timeseries_bar";
          formData.put("x_axis", spec.dimension());
          formData.put("metrics", spec.metrics());
          formData.put("groupby", List.of());
          formData.put("row_limit", 1000);
          break;
        default:
          throw new IllegalStateException("unknown chart kind: " + spec.kind());
      }
      formData.put("viz_type", vizType);
      formData.put("adhoc_filters", List.of());
      formData.put("time_range", "No filter");
      return Optional.of(
          new ChartAsset(
              spec.title(),
              dataset.tableName(),
              vizType,
              "Governed metrics: " + String.join(", ", spec.metrics()) + ".",
              formData,
              SupersetAssets.uuid("chart", spec.title())));
    }
    return Optional.empty();
  }
}
