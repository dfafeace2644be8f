package io.salesdw.reports.pack;

import io.salesdw.reports.pack.PackBlock.Cell;
import io.salesdw.reports.pack.PackBlock.Figure;
import io.salesdw.reports.pack.PackBlock.Note;
import io.salesdw.reports.pack.PackBlock.Table;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads the pack's figures with metric queries and lays them out as sections. Thresholds that are
 * presentation only (the red/yellow/green bands, the heat map's bands) are named constants here;
 * every number shown comes from a governed metric.
 */
final class PackBuilder {
  /** The coaching line of the target authenticity index (the mart's needs_coaching line). */
  static final double COACHING_LINE = 0.65;

  /** From this index up a team is green; between the coaching line and it, yellow. */
  static final double GREEN_LINE = 0.80;

  private static final List<String> DNA_METRICS =
      List.of(
          "dna_visits",
          "dna_effective_visits",
          "dna_need_discovery",
          "dna_key_actions",
          "dna_stage_timeliness",
          "dna_listening");

  private final MetricRows metrics;
  private final YearMonth month;
  private final Properties labels;
  private final PackCharts charts;
  private final String monthFilter;

  PackBuilder(MetricRows metrics, YearMonth month, Language language) {
    this.metrics = metrics;
    this.month = month;
    this.labels = language.labels();
    this.charts = new PackCharts(PackFonts.chartFamily());
    this.monthFilter = " WHERE metric_time__month = DATE '" + month.atDay(1) + "'";
  }

  List<PackSection> sections(Consumer<String> progress) {
    List<PackSection> sections = new ArrayList<>();
    progress.accept("target_health");
    sections.add(targetHealth());
    progress.accept("forecast_quality");
    sections.add(forecastQuality());
    progress.accept("funnel_and_sla");
    sections.add(funnelAndSla());
    progress.accept("process_dna");
    sections.addAll(processDna());
    progress.accept("incentive_health");
    sections.add(incentiveHealth());
    progress.accept("data_health");
    sections.add(dataHealth());
    progress.accept("customer_value");
    sections.add(customerValue());
    return sections;
  }

  // ------------------------------------------------------------------ sections

  private PackSection targetHealth() {
    List<PackBlock> blocks = new ArrayList<>();
    for (String level : List.of("region_name", "team_name", "rep_name")) {
      List<List<Object>> rows =
          sorted(
              metrics.query(
                  "SELECT "
                      + level
                      + ", MEASURE(target), MEASURE(credited_won_amount),"
                      + " MEASURE(target_attainment) FROM metrics"
                      + monthFilter
                      + " GROUP BY "
                      + level));
      blocks.add(
          table(
              label("target.by." + level),
              List.of(
                  label("col." + level),
                  label("col.target"),
                  label("col.won"),
                  label("col.attainment")),
              rows,
              1,
              List.of("target", "credited_won_amount", "target_attainment"),
              List.of(Format.MONEY, Format.MONEY, Format.PERCENT)));
      if (level.equals("team_name") && !rows.isEmpty()) {
        Map<String, Number> attainment = new LinkedHashMap<>();
        rows.forEach(row -> attainment.put(text(row.get(0)), percent(row.get(3))));
        blocks.add(
            charts.bars(
                label("target.chart"),
                label("col.attainment"),
                Map.of(label("col.attainment"), attainment)));
      }
    }
    List<List<Object>> teams =
        sorted(
            metrics.query(
                "SELECT team_name, MEASURE(target_authenticity_index),"
                    + " MEASURE(reps_needing_coaching) FROM metrics"
                    + monthFilter
                    + " GROUP BY team_name"));
    List<List<Cell>> teamRows = new ArrayList<>();
    for (List<Object> row : teams) {
      String key = text(row.get(0));
      Optional<Double> index = number(row.get(1));
      String status = index.map(PackBuilder::authenticityStatus).orElse("none");
      teamRows.add(
          List.of(
              Cell.text(key),
              figure("target_authenticity_index", key, row.get(1), Format.SCORE),
              new Cell(label("status." + status), Optional.empty(), Optional.of(status)),
              figure("reps_needing_coaching", key, row.get(2), Format.COUNT)));
    }
    blocks.add(
        new Table(
            label("authenticity.title"),
            List.of(
                label("col.team_name"),
                label("col.authenticity"),
                label("col.status"),
                label("col.coaching")),
            teamRows));
    List<List<Object>> coaching =
        sorted(
            metrics.query(
                "SELECT rep_name, team_name, MEASURE(target_authenticity_index) FROM metrics"
                    + monthFilter
                    + " GROUP BY rep_name, team_name"
                    + " HAVING MEASURE(target_authenticity_index) < "
                    + COACHING_LINE));
    blocks.add(
        table(
            label("coaching.title"),
            List.of(label("col.rep_name"), label("col.team_name"), label("col.authenticity")),
            coaching,
            2,
            List.of("target_authenticity_index"),
            List.of(Format.SCORE)));
    blocks.add(heatMap());
    return new PackSection("target-health", label("section.target"), blocks);
  }

  /** Reps counted by their band of target attainment against their band of key-action score. */
  private PackBlock heatMap() {
    List<List<Object>> reps =
        metrics.query(
            "SELECT rep_name, MEASURE(target_attainment), MEASURE(dna_key_actions) FROM metrics"
                + monthFilter
                + " GROUP BY rep_name");
    double[] attainmentBands = {0.5, 0.8, 1.0};
    double[] actionBands = {40, 60, 80};
    int[][] counts = new int[4][4];
    int max = 0;
    for (List<Object> row : reps) {
      Optional<Double> attainment = number(row.get(1));
      Optional<Double> actions = number(row.get(2));
      if (attainment.isPresent() && actions.isPresent()) {
        int a = band(attainment.get(), attainmentBands);
        int k = band(actions.get(), actionBands);
        counts[a][k]++;
        max = Math.max(max, counts[a][k]);
      }
    }
    String[] attainmentNames = {"< 50%", "50-80%", "80-100%", ">= 100%"};
    String[] actionNames = {"< 40", "40-60", "60-80", ">= 80"};
    List<List<Cell>> rows = new ArrayList<>();
    for (int a = attainmentNames.length - 1; a >= 0; a--) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(attainmentNames[a]));
      for (int k = 0; k < actionNames.length; k++) {
        int level = max == 0 ? 0 : (int) Math.ceil(4.0 * counts[a][k] / max);
        cells.add(
            new Cell(
                Integer.toString(counts[a][k]), Optional.empty(), Optional.of("heat" + level)));
      }
      rows.add(cells);
    }
    List<String> headers = new ArrayList<>();
    headers.add(label("heat.corner"));
    headers.addAll(List.of(actionNames));
    return new Table(label("heat.title"), headers, rows);
  }

  private PackSection forecastQuality() {
    List<PackBlock> blocks = new ArrayList<>();
    List<List<Object>> reps =
        sorted(
            metrics.query(
                "SELECT rep_name, MEASURE(rep_forecast_brier), MEASURE(record_completeness),"
                    + " MEASURE(stage_update_on_time_rate) FROM metrics"
                    + monthFilter
                    + " GROUP BY rep_name"));
    blocks.add(
        table(
            label("forecast.per_rep"),
            List.of(
                label("col.rep_name"),
                label("col.brier"),
                label("col.evidence"),
                label("col.timeliness")),
            reps,
            1,
            List.of("rep_forecast_brier", "record_completeness", "stage_update_on_time_rate"),
            List.of(Format.SCORE3, Format.PERCENT, Format.PERCENT)));
    blocks.add(new Note(label("forecast.note")));
    List<List<Object>> bins =
        metrics.query(
            "SELECT reliability_source, reliability_bin, MEASURE(reliability_mean_predicted),"
                + " MEASURE(reliability_observed_frequency), MEASURE(reliability_forecasts)"
                + " FROM metrics GROUP BY reliability_source, reliability_bin");
    Map<String, List<double[]>> lines = new LinkedHashMap<>();
    bins.stream()
        .filter(row -> row.get(2) != null && row.get(3) != null)
        .sorted(Comparator.comparing(row -> ((Number) row.get(1)).intValue()))
        .forEach(
            row ->
                lines
                    .computeIfAbsent(label("source." + text(row.get(0))), k -> new ArrayList<>())
                    .add(
                        new double[] {
                          ((Number) row.get(2)).doubleValue(), ((Number) row.get(3)).doubleValue()
                        }));
    if (!lines.isEmpty()) {
      blocks.add(
          charts.reliability(
              label("reliability.title"),
              label("reliability.x"),
              label("reliability.y"),
              label("reliability.perfect"),
              lines));
    }
    List<List<Object>> sources =
        sorted(
            metrics.query(
                "SELECT calibration_source, MEASURE(forecast_brier_score) FROM metrics"
                    + " WHERE calibration_scope = 'all' GROUP BY calibration_source"));
    List<List<Cell>> sourceRows = new ArrayList<>();
    for (List<Object> row : sources) {
      String key = text(row.get(0));
      sourceRows.add(
          List.of(
              Cell.text(label("source." + key)),
              figure("forecast_brier_score", key, row.get(1), Format.SCORE3)));
    }
    blocks.add(
        new Table(
            label("calibration.title"),
            List.of(label("col.source"), label("col.brier")),
            sourceRows));
    return new PackSection("forecast-quality", label("section.forecast"), blocks);
  }

  private PackSection funnelAndSla() {
    List<PackBlock> blocks = new ArrayList<>();
    String cohort = Integer.toString(month.getYear() * 100 + month.getMonthValue());
    String query =
        "SELECT funnel_stage_order, funnel_stage, funnel_is_bottleneck,"
            + " MEASURE(funnel_stage_entries), MEASURE(funnel_stage_conversion),"
            + " MEASURE(funnel_stage_dwell_days) FROM metrics WHERE funnel_cohort = '%s'"
            + " GROUP BY funnel_stage_order, funnel_stage, funnel_is_bottleneck";
    List<List<Object>> stages = sorted(metrics.query(String.format(Locale.ROOT, query, cohort)));
    if (stages.isEmpty()) {
      cohort = "all";
      stages = sorted(metrics.query(String.format(Locale.ROOT, query, cohort)));
    }
    List<List<Cell>> stageRows = new ArrayList<>();
    Map<String, Number> entries = new LinkedHashMap<>();
    for (List<Object> row : stages) {
      String stage = text(row.get(1));
      boolean bottleneck = Boolean.TRUE.equals(row.get(2));
      String key = cohort + "|" + stage;
      entries.put(stage, row.get(3) == null ? 0 : (Number) row.get(3));
      stageRows.add(
          List.of(
              Cell.text(stage),
              figure("funnel_stage_entries", key, row.get(3), Format.COUNT),
              figure("funnel_stage_conversion", key, row.get(4), Format.PERCENT),
              figure("funnel_stage_dwell_days", key, row.get(5), Format.DAYS),
              new Cell(
                  bottleneck ? label("funnel.bottleneck") : "",
                  Optional.empty(),
                  bottleneck ? Optional.of("red") : Optional.empty())));
    }
    blocks.add(
        new Table(
            label("funnel.title") + " (" + label("funnel.cohort") + ": " + cohort + ")",
            List.of(
                label("col.stage"),
                label("col.entries"),
                label("col.conversion"),
                label("col.dwell"),
                label("col.bottleneck")),
            stageRows));
    if (!entries.isEmpty()) {
      blocks.add(
          charts.bars(
              label("funnel.chart"), label("col.entries"), Map.of(label("col.entries"), entries)));
    }
    List<List<Object>> channels =
        sorted(
            metrics.query(
                "SELECT channel_name, MEASURE(leads), MEASURE(first_touch_sla_rate),"
                    + " MEASURE(unfollowed_leads) FROM metrics"
                    + monthFilter
                    + " GROUP BY channel_name"));
    blocks.add(
        table(
            label("sla.title"),
            List.of(
                label("col.channel"),
                label("col.leads"),
                label("col.sla"),
                label("col.unfollowed")),
            channels,
            1,
            List.of("leads", "first_touch_sla_rate", "unfollowed_leads"),
            List.of(Format.COUNT, Format.PERCENT, Format.COUNT)));
    return new PackSection("funnel-sla", label("section.funnel"), blocks);
  }

  private List<PackSection> processDna() {
    String measures =
        String.join(", ", DNA_METRICS.stream().map(m -> "MEASURE(" + m + ")").toList());
    List<List<Object>> reps =
        sorted(
            metrics.query(
                "SELECT rep_name, team_name, "
                    + measures
                    + ", MEASURE(reps_with_process_warning) FROM metrics"
                    + monthFilter
                    + " GROUP BY rep_name, team_name"));
    Map<String, List<Object>> teams = new LinkedHashMap<>();
    for (List<Object> row :
        metrics.query(
            "SELECT team_name, "
                + measures
                + " FROM metrics"
                + monthFilter
                + " GROUP BY team_name")) {
      teams.put(text(row.get(0)), row);
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (List<Object> row :
        metrics.query(
            "SELECT rep_name, process_warning_reasons, MEASURE(reps_with_process_warning)"
                + " FROM metrics"
                + monthFilter
                + " GROUP BY rep_name, process_warning_reasons")) {
      if (row.get(1) != null && number(row.get(2)).orElse(0.0) > 0) {
        reasons.merge(text(row.get(0)), text(row.get(1)), (a, b) -> a + "; " + b);
      }
    }
    List<PackSection> sections = new ArrayList<>();
    if (reps.isEmpty()) {
      sections.add(
          new PackSection(
              "process-dna", label("section.dna"), List.of(new Note(label("dna.none")))));
    }
    for (List<Object> rep : reps) {
      String name = text(rep.get(0));
      String team = text(rep.get(1));
      List<Object> teamRow = teams.get(team);
      Map<String, Number> repAxes = new LinkedHashMap<>();
      Map<String, Number> teamAxes = new LinkedHashMap<>();
      List<List<Cell>> rows = new ArrayList<>();
      List<double[]> differences = new ArrayList<>();
      for (int i = 0; i < DNA_METRICS.size(); i++) {
        String metric = DNA_METRICS.get(i);
        String axis = label("dna." + metric);
        Optional<Double> mine = number(rep.get(2 + i));
        Optional<Double> theirs = teamRow == null ? Optional.empty() : number(teamRow.get(1 + i));
        repAxes.put(axis, mine.orElse(0.0));
        teamAxes.put(axis, theirs.orElse(0.0));
        rows.add(
            List.of(
                Cell.text(axis),
                figure(metric, name + "|" + team, rep.get(2 + i), Format.SCORE1),
                figure(metric, team, teamRow == null ? null : teamRow.get(1 + i), Format.SCORE1)));
        if (mine.isPresent() && theirs.isPresent()) {
          differences.add(new double[] {i, mine.get() - theirs.get()});
        }
      }
      differences.sort(Comparator.comparingDouble(d -> -d[1]));
      List<String> strengths = new ArrayList<>();
      List<String> gaps = new ArrayList<>();
      for (double[] d : differences) {
        String axis = label("dna." + DNA_METRICS.get((int) d[0]));
        if (d[1] > 0 && strengths.size() < 2) {
          strengths.add(axis);
        }
      }
      for (int i = differences.size() - 1; i >= 0 && gaps.size() < 2; i--) {
        if (differences.get(i)[1] < 0) {
          gaps.add(label("dna." + DNA_METRICS.get((int) differences.get(i)[0])));
        }
      }
      List<PackBlock> blocks = new ArrayList<>();
      blocks.add(new Note(label("col.team_name") + ": " + team));
      Map<String, Map<String, Number>> radar = new LinkedHashMap<>();
      radar.put(name, repAxes);
      radar.put(label("dna.team_mean"), teamAxes);
      blocks.add(charts.radar(label("dna.radar") + " · " + name, radar));
      blocks.add(
          new Table(
              label("dna.scores"), List.of(label("dna.axis"), name, label("dna.team_mean")), rows));
      blocks.add(new Note(label("dna.strengths") + ": " + joinOrNone(strengths)));
      blocks.add(new Note(label("dna.gaps") + ": " + joinOrNone(gaps)));
      blocks.add(
          new Note(label("dna.warnings") + ": " + reasons.getOrDefault(name, label("none"))));
      sections.add(
          new PackSection(
              "process-dna-" + (sections.size() + 1), label("section.dna") + " · " + name, blocks));
    }
    return sections;
  }

  private PackSection incentiveHealth() {
    List<PackBlock> blocks = new ArrayList<>();
    YearMonth first = month.minusMonths(5);
    List<List<Object>> months =
        sorted(
            metrics.query(
                "SELECT metric_time__month, MEASURE(commission_rule_coverage),"
                    + " MEASURE(commission_on_time_rate), MEASURE(commission_payout) FROM metrics"
                    + " WHERE metric_time__month >= DATE '"
                    + first.atDay(1)
                    + "' AND metric_time__month <= DATE '"
                    + month.atDay(1)
                    + "' GROUP BY metric_time__month"));
    blocks.add(
        table(
            label("incentive.title"),
            List.of(
                label("col.month"),
                label("col.rule_coverage"),
                label("col.on_time"),
                label("col.payout")),
            months,
            1,
            List.of("commission_rule_coverage", "commission_on_time_rate", "commission_payout"),
            List.of(Format.PERCENT, Format.PERCENT, Format.MONEY)));
    Map<String, Number> payouts = new LinkedHashMap<>();
    months.forEach(
        row ->
            payouts.put(
                text(row.get(0)).substring(0, 7), row.get(3) == null ? 0 : (Number) row.get(3)));
    if (!payouts.isEmpty()) {
      blocks.add(
          charts.bars(
              label("incentive.chart"), label("col.payout"), Map.of(label("col.payout"), payouts)));
    }
    return new PackSection("incentive-health", label("section.incentive"), blocks);
  }

  private PackSection dataHealth() {
    List<PackBlock> blocks = new ArrayList<>();
    List<List<Object>> measurements =
        sorted(
            metrics.query(
                "SELECT data_health_check, data_health_subject, MEASURE(data_health_value)"
                    + " FROM metrics WHERE data_health_subject NOT LIKE 'silver.%'"
                    + " GROUP BY data_health_check, data_health_subject"));
    blocks.add(
        table(
            label("data.title"),
            List.of(label("col.check"), label("col.subject"), label("col.value")),
            measurements,
            2,
            List.of("data_health_value"),
            List.of(Format.SCORE3)));
    List<List<Object>> checks =
        sorted(
            metrics.query(
                "SELECT health_check, health_check_comparison, health_check_status,"
                    + " MEASURE(health_check_value), MEASURE(health_check_threshold) FROM metrics"
                    + " GROUP BY health_check, health_check_comparison, health_check_status"));
    List<List<Cell>> checkRows = new ArrayList<>();
    for (List<Object> row : checks) {
      String key = text(row.get(0));
      String status = text(row.get(2));
      String colour = status.equals("pass") ? "green" : status.equals("fail") ? "red" : "yellow";
      checkRows.add(
          List.of(
              Cell.text(key),
              figure("health_check_value", key, row.get(3), Format.SCORE3),
              new Cell(text(row.get(1)), Optional.empty(), Optional.empty()),
              figure("health_check_threshold", key, row.get(4), Format.SCORE3),
              new Cell(label("check." + status), Optional.empty(), Optional.of(colour))));
    }
    blocks.add(
        new Table(
            label("selfcheck.title"),
            List.of(
                label("col.check"),
                label("col.value"),
                label("col.comparison"),
                label("col.threshold"),
                label("col.status")),
            checkRows));
    return new PackSection("data-health", label("section.data"), blocks);
  }

  private PackSection customerValue() {
    List<PackBlock> blocks = new ArrayList<>();
    List<List<Object>> cohorts =
        sorted(
            metrics.query(
                "SELECT metric_time__year, acquisition_channel, MEASURE(customers),"
                    + " MEASURE(predicted_ltv_36m) FROM metrics"
                    + " GROUP BY metric_time__year, acquisition_channel"));
    List<List<Object>> cohortRows = new ArrayList<>();
    for (List<Object> row : cohorts) {
      List<Object> shown = new ArrayList<>(row);
      shown.set(0, row.get(0) == null ? null : text(row.get(0)).substring(0, 4));
      cohortRows.add(shown);
    }
    blocks.add(
        table(
            label("ltv.title"),
            List.of(
                label("col.cohort"),
                label("col.channel"),
                label("col.customers"),
                label("col.ltv")),
            cohortRows,
            2,
            List.of("customers", "predicted_ltv_36m"),
            List.of(Format.COUNT, Format.MONEY)));
    List<List<Object>> top =
        metrics.query(
            "SELECT customer_name, MEASURE(predicted_ltv_36m) FROM metrics"
                + " WHERE customer_name IS NOT NULL GROUP BY customer_name"
                + " ORDER BY MEASURE(predicted_ltv_36m) DESC LIMIT 10");
    blocks.add(
        table(
            label("top.title"),
            List.of(label("col.customer"), label("col.ltv")),
            top,
            1,
            List.of("predicted_ltv_36m"),
            List.of(Format.MONEY)));
    List<List<Object>> silent =
        metrics.query(
            "SELECT silent_customer_name, rep_name, MEASURE(days_silent),"
                + " MEASURE(silent_customer_pipeline) FROM metrics"
                + " GROUP BY silent_customer_name, rep_name"
                + " ORDER BY MEASURE(days_silent) DESC LIMIT 15");
    blocks.add(
        table(
            label("silent.title"),
            List.of(
                label("col.customer"),
                label("col.rep_name"),
                label("col.days_silent"),
                label("col.pipeline")),
            silent,
            2,
            List.of("days_silent", "silent_customer_pipeline"),
            List.of(Format.COUNT, Format.MONEY)));
    return new PackSection("customer-value", label("section.customer"), blocks);
  }

  // ------------------------------------------------------------------ helpers

  /** How a figure is shown. */
  enum Format {
    MONEY("#,##0"),
    COUNT("#,##0"),
    PERCENT("0.0%"),
    SCORE("0.00"),
    SCORE1("0.0"),
    SCORE3("0.000"),
    DAYS("0.0");

    private final String pattern;

    Format(String pattern) {
      this.pattern = pattern;
    }

    String format(Object value) {
      if (value == null) {
        return "–";
      }
      return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))
          .format(value instanceof BigDecimal decimal ? decimal : ((Number) value).doubleValue());
    }
  }

  /**
   * A table whose first {@code keyColumns} columns are the group (text) and the rest figures of the
   * metrics, in order.
   */
  private Table table(
      String caption,
      List<String> headers,
      List<List<Object>> rows,
      int keyColumns,
      List<String> metricNames,
      List<Format> formats) {
    List<List<Cell>> cells = new ArrayList<>();
    for (List<Object> row : rows) {
      List<String> keyParts = new ArrayList<>();
      List<Cell> line = new ArrayList<>();
      for (int i = 0; i < keyColumns; i++) {
        keyParts.add(text(row.get(i)));
        line.add(Cell.text(text(row.get(i))));
      }
      String key = String.join("|", keyParts);
      for (int i = 0; i < metricNames.size(); i++) {
        line.add(figure(metricNames.get(i), key, row.get(keyColumns + i), formats.get(i)));
      }
      cells.add(line);
    }
    if (cells.isEmpty()) {
      List<Cell> empty = new ArrayList<>();
      empty.add(Cell.text(label("none")));
      for (int i = 1; i < headers.size(); i++) {
        empty.add(Cell.text(""));
      }
      cells.add(empty);
    }
    return new Table(caption, headers, cells);
  }

  private static Cell figure(String metric, String key, Object value, Format format) {
    return new Cell(
        format.format(value),
        Optional.of(new Figure(metric, key, value == null ? "" : raw(value))),
        Optional.empty());
  }

  private static String raw(Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  private static String text(Object value) {
    return value == null ? "–" : value.toString();
  }

  private static Optional<Double> number(Object value) {
    return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
  }

  private static Number percent(Object value) {
    return number(value).map(v -> v * 100).orElse(0.0);
  }

  static String authenticityStatus(double index) {
    return index >= GREEN_LINE ? "green" : index >= COACHING_LINE ? "yellow" : "red";
  }

  private static int band(double value, double[] upperBounds) {
    int band = 0;
    while (band < upperBounds.length && value >= upperBounds[band]) {
      band++;
    }
    return band;
  }

  /** Rows in the order of their first columns, as text (NULL last). */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(
            (List<Object> row) -> row.get(0) == null ? "\uffff" : row.get(0).toString()));
    return sorted;
  }

  private String joinOrNone(List<String> items) {
    return items.isEmpty() ? label("none") : String.join(", ", items);
  }

  private String label(String key) {
    return Objects.requireNonNull(labels.getProperty(key), () -> "missing label " + key);
  }
}
