package io.salesdw.semantic.model;

import static io.salesdw.semantic.model.ModelFixtures.at;
import static io.salesdw.semantic.model.ModelFixtures.atLineWith;
import static io.salesdw.semantic.model.ModelFixtures.check;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestManifestValidator {
  /**
   * A valid star: orders (a fact) joins customers and reps; reps join teams. Each test adds a file
   * with one mistake.
   */
  private static final String BASE =
      """
      semantic-models:
        - name: orders
          table: gold/fact_order
          default-time-dimension: order_date
          entities:
            - name: order
              type: primary
            - name: customer
              type: foreign
            - name: rep
              type: foreign
          dimensions:
            - name: order_date
              type: time
            - name: channel
              type: categorical
          measures:
            - name: revenue
              agg: sum
              expr: amount
            - name: order_count
              agg: count
              expr: order_id
        - name: customers
          table: gold/dim_customer
          default-time-dimension: signup_date
          entities:
            - name: customer
              type: primary
          dimensions:
            - name: region
              type: categorical
            - name: signup_date
              type: time
          measures:
            - name: new_customers
              agg: count
              expr: customer_id
        - name: reps
          table: gold/dim_rep
          entities:
            - name: rep
              type: primary
            - name: team
              type: foreign
          dimensions:
            - name: rep_name
              type: categorical
        - name: teams
          table: gold/dim_team
          entities:
            - name: team
              type: primary
          dimensions:
            - name: team_name
              type: categorical
      """;

  private static final String GOVERNANCE = "owner: ops, unit: CNY, description: {en: x, zh: x}";

  private static final ModelSource BASE_FILE = new ModelSource("base.yaml", BASE);

  @Test
  void acceptsTheBaseModel() {
    assertThat(check(BASE_FILE).issues()).isEmpty();
  }

  @Test
  void reportsADuplicateSemanticModelWithBothLocations() {
    String more =
        """
        semantic-models:
          - name: customers
            table: gold/dim_customer_v2
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: customers"),
                "semantic model 'customers' is declared again here; the first is at "
                    + at("base.yaml", BASE, "- name: customers")
                    + ". Names of semantic models are unique across the manifest: rename one."));
  }

  @Test
  void reportsADuplicateMeasureIgnoringCase() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            default-time-dimension: created_date
            dimensions:
              - name: created_date
                type: time
            measures:
              - name: Revenue
                agg: sum
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: Revenue"),
                "measure 'Revenue' of semantic model 'leads' is declared again here; the first is"
                    + " 'revenue' at "
                    + at("base.yaml", BASE, "- name: revenue")
                    + " of semantic model 'orders' (names are compared ignoring case). Names of"
                    + " measures are unique across the manifest: rename one."));
  }

  @Test
  void reportsADuplicateDimensionAcrossModels() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            dimensions:
              - name: region
                type: categorical
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: region"),
                "dimension 'region' of semantic model 'leads' is declared again here; the first is"
                    + " at "
                    + at("base.yaml", BASE, "- name: region")
                    + " of semantic model 'customers'. Names of dimensions are unique across the"
                    + " manifest, since queries name a dimension alone: rename one."));
  }

  @Test
  void reportsADuplicateMetric() {
    String metrics =
        metricsText(
            "name: total_revenue, type: simple, measure: revenue",
            "name: total_revenue, type: simple, measure: order_count");

    List<SourceLocation> lines =
        metrics
            .lines()
            .filter(line -> line.contains("total_revenue"))
            .map(line -> at("metrics.yaml", metrics, line.strip()))
            .toList();
    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                lines.get(1),
                "metric 'total_revenue' is declared again here; the first is at "
                    + lines.get(0)
                    + ". Names of metrics are unique across the manifest: rename one."));
  }

  @Test
  void reportsAnEntityDeclaredTwiceInAModel() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            entities:
              - name: lead
                type: primary
              - name: customer
                type: foreign
              - name: customer
                type: foreign
                expr: converted_customer_id
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: customer", 2),
                "entity 'customer' of semantic model 'leads' is declared again here; the first is"
                    + " at "
                    + at("more.yaml", more, "- name: customer", 1)
                    + " of semantic model 'leads'. An entity is declared once in a semantic model:"
                    + " remove one."));
  }

  @Test
  void reportsAMetricOverAMissingMeasureWithTheNearestName() {
    String metrics = metricsText("name: total_revenue, type: simple, measure: revnue");

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: total_revenue"),
                "metric 'total_revenue' has measure 'revnue', which no semantic model declares"
                    + " (did you mean 'revenue'?). Fix the name or declare the measure."));
  }

  @Test
  void reportsARatioOverAMissingMetric() {
    String metrics =
        metricsText(
            "name: total_revenue, type: simple, measure: revenue",
            "name: order_total, type: simple, measure: order_count",
            "name: average_order_value, type: ratio, numerator: total_revenue, denominator:"
                + " order_totl");

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: average_order_value"),
                "metric 'average_order_value' has denominator 'order_totl', which is not a metric"
                    + " (did you mean 'order_total'?). Fix the name or define the metric."));
  }

  @Test
  void reportsADerivedMetricOverAMissingMetric() {
    String metrics =
        metricsText(
            "name: total_revenue, type: simple, measure: revenue",
            "name: doubled, type: derived, expr: total_revenu * 2, inputs: [{metric:"
                + " total_revenu}]");

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: doubled"),
                "metric 'doubled' has input 'total_revenu', which is not a metric (did you mean"
                    + " 'total_revenue'?). Fix the name or define the metric."));
  }

  @Test
  void reportsADerivedMetricWithTwoInputsOfOneName() {
    String metrics =
        metricsText(
            "name: total_revenue, type: simple, measure: revenue",
            "name: doubled, type: derived, expr: total_revenue * 2, inputs: [{metric:"
                + " total_revenue}, {metric: total_revenue, offset-window: 1 year}]");

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: doubled"),
                "metric 'doubled' has two inputs its expr calls 'total_revenue'. Give one of them"
                    + " an alias."));
  }

  @Test
  void reportsAConversionEntityMissingFromEitherModel() {
    String metrics =
        metricsText(
            "name: first_orders, type: conversion, entity: custmer, base-measure: new_customers,"
                + " conversion-measure: order_count, window: 30 days");

    SourceLocation metric = atLineWith("metrics.yaml", metrics, "name: first_orders");
    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                metric,
                "metric 'first_orders' matches its events on entity 'custmer', which semantic"
                    + " model 'customers' (of its base-measure 'new_customers') does not hold (did"
                    + " you mean 'customer'?). Name an entity that both measures' models hold."),
            new ModelIssue(
                metric,
                "metric 'first_orders' matches its events on entity 'custmer', which semantic"
                    + " model 'orders' (of its conversion-measure 'order_count') does not hold"
                    + " (did you mean 'customer'?). Name an entity that both measures' models"
                    + " hold."));
  }

  @Test
  void reportsAForeignEntityWithoutAHome() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            entities:
              - name: teams
                type: foreign
                expr: team_id
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: teams"),
                "entity 'teams' of semantic model 'leads' is foreign, but no semantic model has"
                    + " 'teams' as its primary entity, so it joins to nothing (did you mean"
                    + " 'team'?). Declare it primary in the model of its dimension table, or fix"
                    + " the name."));
  }

  @Test
  void reportsAnEntityWithTwoHomes() {
    String more =
        """
        semantic-models:
          - name: customers_v2
            table: gold/dim_customer_v2
            entities:
              - name: customer
                type: primary
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: customer"),
                "entity 'customer' is the primary entity of semantic model 'customers_v2' and also"
                    + " of 'customers' (at "
                    + at("base.yaml", BASE, "- name: customer", 2)
                    + "). An entity has one home, where its dimensions live: make one of them"
                    + " unique."));
  }

  @Test
  void reportsASecondPrimaryEntityInAModel() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            entities:
              - name: lead
                type: primary
              - name: campaign
                type: primary
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: campaign"),
                "semantic model 'leads' declares a second primary entity 'campaign'; its primary"
                    + " entity is 'lead'. A model is the home of one entity: make 'campaign' unique"
                    + " or foreign."));
  }

  @Test
  void reportsAJoinCycleWithItsPath() {
    String text =
        """
        semantic-models:
          - name: reps
            table: gold/dim_rep
            entities:
              - name: rep
                type: primary
              - name: team
                type: foreign
          - name: teams
            table: gold/dim_team
            entities:
              - name: team
                type: primary
              - name: rep
                type: foreign
                expr: lead_rep_id
        """;

    assertThat(check(new ModelSource("cycle.yaml", text)).issues())
        .containsExactly(
            new ModelIssue(
                at("cycle.yaml", text, "- name: team", 1),
                "semantic models join in a cycle: 'reps' -(team)-> 'teams' -(rep)-> 'reps'. Joins"
                    + " lead from a foreign entity to its home, so a cycle makes join paths endless"
                    + " and ambiguous. Break it: remove one of these foreign entities, or keep its"
                    + " key as a categorical dimension."));
  }

  @Test
  void acceptsTwoJoinPathsToOneModel() {
    // orders -> reps -> teams and orders -> teams: a diamond, not a cycle.
    String more =
        """
        semantic-models:
          - name: quotas
            table: gold/fact_quota
            default-time-dimension: quota_month
            entities:
              - name: rep
                type: foreign
              - name: team
                type: foreign
            dimensions:
              - name: quota_month
                type: time
            measures:
              - name: quota
                agg: sum
        """;

    assertThat(issues(more)).isEmpty();
  }

  @Test
  void reportsAFanOutTrapInATestsGroupBy() {
    String metrics =
        """
        metrics:
          - name: new_customer_count
            type: simple
            owner: ops
            unit: count
            description: {en: x, zh: x}
            measure: new_customers
            tests:
              - name: by_channel
                group-by: [channel]
                expect: []
          - name: total_revenue
            type: simple
            owner: ops
            unit: CNY
            description: {en: x, zh: x}
            measure: revenue
            tests:
              - name: by_team
                group-by: [team_name, region, order_date__quarter]
                expect: []
        """;

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                at("metrics.yaml", metrics, "- name: by_channel"),
                "test 'by_channel' of metric 'new_customer_count' groups by 'channel' of semantic"
                    + " model 'orders', which measure 'new_customers' of semantic model"
                    + " 'customers' reaches only over a one-to-many join (a fan-out trap): from"
                    + " 'customers' on its primary entity 'customer' to 'orders', where 'customer'"
                    + " is foreign, each row would be counted once per matching row. Group by a"
                    + " dimension reached over foreign-to-primary joins, or define the measure on"
                    + " 'orders'."));
  }

  @Test
  void reportsAGroupByWithNoJoinPath() {
    String more =
        """
        semantic-models:
          - name: targets
            table: gold/fact_target
            default-time-dimension: target_month
            dimensions:
              - name: target_month
                type: time
            measures:
              - name: target_amount
                agg: sum
        metrics:
          - name: target
            type: simple
            owner: finance
            unit: CNY
            description: {en: x, zh: x}
            measure: target_amount
            tests:
              - name: by_region
                group-by: [region]
                expect: []
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: by_region"),
                "test 'by_region' of metric 'target' groups by 'region' of semantic model"
                    + " 'customers', which measure 'target_amount' of semantic model 'targets'"
                    + " cannot join to: no entity links the two. Add a foreign entity to 'targets'"
                    + " whose home leads to 'customers', or group by another dimension."));
  }

  @Test
  void reportsADefaultTimeDimensionThatIsNoTimeDimensionOfItsModel() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            default-time-dimension: lead_source
            dimensions:
              - name: lead_source
                type: categorical
              - name: created_date
                type: time
          - name: calls
            table: gold/fact_call
            default-time-dimension: called_dat
            dimensions:
              - name: called_date
                type: time
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: leads"),
                "default-time-dimension 'lead_source' of semantic model 'leads' is a categorical"
                    + " dimension, not a time dimension. Name a time dimension of the model:"
                    + " 'created_date'."),
            new ModelIssue(
                at("more.yaml", more, "- name: calls"),
                "default-time-dimension 'called_dat' of semantic model 'calls' names no dimension"
                    + " of the model (did you mean 'called_date'?). Name a time dimension of the"
                    + " model: 'called_date'."));
  }

  @Test
  void reportsAMeasureWithoutAnAggTimeDimension() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            dimensions:
              - name: created_date
                type: time
            measures:
              - name: lead_count
                agg: count
                expr: lead_id
              - name: qualified_leads
                agg: sum_boolean
                expr: is_qualified
                agg-time-dimension: created
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: lead_count"),
                "measure 'lead_count' of semantic model 'leads' has no agg time dimension: the"
                    + " measure sets no agg-time-dimension and the model no default-time-dimension."
                    + " Set one of them to a time dimension of the model: 'created_date'."),
            new ModelIssue(
                at("more.yaml", more, "- name: qualified_leads"),
                "agg-time-dimension 'created' of measure 'qualified_leads' of semantic model"
                    + " 'leads' names no dimension of the model (did you mean 'created_date'?)."
                    + " Name a time dimension of the model: 'created_date'."));
  }

  @Test
  void reportsANonAdditiveDimensionThatIsNotATimeDimension() {
    String more =
        """
        semantic-models:
          - name: pipeline
            table: gold/fact_pipeline_snapshot
            default-time-dimension: snapshot_date
            dimensions:
              - name: snapshot_date
                type: time
              - name: stage
                type: categorical
            measures:
              - name: open_pipeline
                agg: sum
                expr: amount
                non-additive-dimension: {name: stage}
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: open_pipeline"),
                "non-additive-dimension 'stage' of measure 'open_pipeline' of semantic model"
                    + " 'pipeline' is a categorical dimension, not a time dimension. Name a time"
                    + " dimension of the model: 'snapshot_date'."));
  }

  @Test
  void reportsMetricCyclesWithTheirPaths() {
    String metrics =
        metricsText(
            "name: total_revenue, type: simple, measure: revenue",
            "name: share, type: ratio, numerator: total_revenue, denominator: grown",
            "name: grown, type: derived, expr: share * 2, inputs: [{metric: share}]",
            "name: itself, type: derived, expr: itself + 1, inputs: [{metric: itself}]");

    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: share,"),
                "metrics are computed from each other in a cycle: 'share' -> 'grown' -> 'share'. A"
                    + " metric cannot be computed from itself: remove one of these inputs."),
            new ModelIssue(
                atLineWith("metrics.yaml", metrics, "name: itself"),
                "metrics are computed from each other in a cycle: 'itself' -> 'itself'. A metric"
                    + " cannot be computed from itself: remove one of these inputs."));
  }

  @Test
  void reportsADimensionNamedMetricTimeOrEndingInAGrain() {
    String more =
        """
        semantic-models:
          - name: leads
            table: gold/fact_lead
            dimensions:
              - name: metric_time
                type: time
              - name: close_date__month
                type: time
        """;

    assertThat(issues(more))
        .containsExactly(
            new ModelIssue(
                at("more.yaml", more, "- name: metric_time"),
                "dimension 'metric_time' of semantic model 'leads' has a reserved name:"
                    + " metric_time means each measure's agg time dimension. Rename the"
                    + " dimension."),
            new ModelIssue(
                at("more.yaml", more, "- name: close_date__month"),
                "dimension 'close_date__month' of semantic model 'leads' ends in '__month', which"
                    + " a query reads as a grain of a time dimension 'close_date'. Rename it"
                    + " without the grain suffix."));
  }

  @Test
  void reportsTestsOfOneNameAndUnknownGroupByItems() {
    String metrics =
        """
        metrics:
          - name: total_revenue
            type: simple
            owner: ops
            unit: CNY
            description: {en: x, zh: x}
            measure: revenue
            tests:
              - name: by_region
                group-by: [regoin, order_date__mnth, channel__month]
                expect: []
              - name: by_region
                group-by: [metric_time__week, order_date__fiscal_quarter, channel, metric_time]
                expect: []
        """;

    SourceLocation first = at("metrics.yaml", metrics, "- name: by_region", 1);
    String what = "test 'by_region' of metric 'total_revenue' groups by ";
    assertThat(issues("metrics.yaml", metrics))
        .containsExactly(
            new ModelIssue(
                first,
                what
                    + "'regoin', which is not a dimension (did you mean 'region'?). Group by a"
                    + " dimension, a time dimension at a grain (such as order_date__month), or"
                    + " metric_time."),
            new ModelIssue(
                first,
                what
                    + "'order_date__mnth', but 'mnth' is not a grain (did you mean 'month'?). The"
                    + " grains are day, week, month, quarter, year, fiscal_quarter, fiscal_year."),
            new ModelIssue(
                first,
                what
                    + "'channel__month', but 'channel' is a categorical dimension, which has no"
                    + " grain. Group by 'channel'."),
            new ModelIssue(
                at("metrics.yaml", metrics, "- name: by_region", 2),
                "metric 'total_revenue' has a second test named 'by_region'; the first is at "
                    + first
                    + ". Rename one."));
  }

  private static List<ModelIssue> issues(String more) {
    return issues("more.yaml", more);
  }

  private static List<ModelIssue> issues(String file, String text) {
    return check(BASE_FILE, new ModelSource(file, text)).issues();
  }

  /** A metrics file with one flow-style metric a line, each with its governance keys. */
  private static String metricsText(String... metrics) {
    return "metrics:\n"
        + Stream.of(metrics)
            .map(metric -> "  - {" + metric + ", " + GOVERNANCE + "}\n")
            .collect(joining());
  }
}
