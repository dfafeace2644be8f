package io.salesdw.semantic.model;

import static io.salesdw.semantic.model.ModelFixtures.at;
import static io.salesdw.semantic.model.ModelFixtures.check;
import static io.salesdw.semantic.model.ModelFixtures.lineOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSemanticManifestLoader {
  private static final String FILE = "orders.yaml";

  /** A small model using every kind of element, each key written out once. */
  private static final String VALID =
      """
      fiscal-calendar:
        first-month: 4
        week-start: sunday
      semantic-models:
        - name: orders
          table: gold/fact_order
          description: One row per order.
          filter: is_deleted = false
          default-time-dimension: order_date
          entities:
            - name: order
              type: primary
              expr: order_id
            - name: customer
              type: foreign
              expr: customer_id
          dimensions:
            - name: order_date
              type: time
              expr: ordered_at
              description: The day the order was placed.
            - name: channel
              type: categorical
          measures:
            - name: revenue
              agg: sum
              expr: amount_cny
              description: Order value in CNY.
            - name: order_count
              agg: count-distinct
              expr: order_id
            - name: open_orders
              agg: sum_boolean
              expr: is_open
              non-additive-dimension: {name: order_date, window: min}
              agg-time-dimension: order_date
        - name: customers
          table: gold/dim_customer
          default-time-dimension: signup_date
          entities:
            - name: customer
              type: primary
          dimensions:
            - name: region
              type: categorical
              expr: region_name
            - name: signup_date
              type: time
          measures:
            - name: new_customers
              agg: count
              expr: customer_id
      metrics:
        - name: revenue
          type: simple
          owner: sales-ops
          unit: CNY
          description: {en: Order value, zh: 订单金额}
          measure: revenue
          filter: channel = 'web'
          tests:
            - name: by_region
              group-by: [region, order_date__month]
              where: region = 'East'
              expect:
                - {region: East, order_date__month: 2024-01-01, revenue: 12.5}
        - name: order_count
          type: simple
          label: Orders
          owner: sales-ops
          unit: count
          format: '#,##0'
          certification: certified
          version: 3
          description: {en: Orders placed, zh: 订单数}
          measure: order_count
        - name: average_order_value
          type: ratio
          owner: finance
          unit: CNY
          description: {en: Revenue per order, zh: 客单价}
          numerator: revenue
          denominator: order_count
        - name: revenue_growth
          type: derived
          owner: finance
          unit: ratio
          description: {en: Growth on a year ago, zh: 同比增长}
          expr: revenue / revenue_last_year - 1
          inputs:
            - metric: revenue
            - metric: revenue
              alias: revenue_last_year
              offset-window: 1 year
        - name: revenue_year_to_date
          type: cumulative
          owner: finance
          unit: CNY
          description: {en: Fiscal year to date, zh: 财年累计}
          measure: revenue
          grain-to-date: fiscal_year
        - name: trailing_revenue
          type: cumulative
          owner: finance
          unit: CNY
          description: {en: Last 90 days, zh: 近90天}
          measure: revenue
          window: 90 days
        - name: first_order_rate
          type: conversion
          owner: marketing
          unit: ratio
          description: {en: New customers who order, zh: 新客下单率}
          entity: customer
          base-measure: new_customers
          conversion-measure: order_count
          window: 30 days
          calculation: conversions
      """;

  @Test
  void readsEveryElementIntoRecords() {
    ModelCheck check = check(new ModelSource(FILE, VALID));

    assertThat(check.issues()).isEmpty();
    SemanticManifest manifest = check.manifest().orElseThrow();
    assertThat(manifest.fiscalCalendar())
        .isEqualTo(new FiscalCalendar(Month.APRIL, DayOfWeek.SUNDAY));
    assertThat(manifest.semanticModels()).containsExactly(ordersModel(), customersModel());
    assertThat(manifest.metrics())
        .containsExactly(
            new SimpleMetric(
                "revenue",
                governance("revenue", "sales-ops", "Order value", "订单金额", "CNY"),
                "revenue",
                Optional.of("channel = 'web'"),
                List.of(
                    new MetricTest(
                        "by_region",
                        List.of("region", "order_date__month"),
                        Optional.of("region = 'East'"),
                        List.of(
                            Map.of(
                                "region", "East",
                                "order_date__month", "2024-01-01",
                                "revenue", "12.5")),
                        at(FILE, VALID, "- name: by_region"))),
                at(FILE, VALID, "- name: revenue", 2)),
            new SimpleMetric(
                "order_count",
                new MetricGovernance(
                    "Orders",
                    "sales-ops",
                    new LocalizedText("Orders placed", "订单数"),
                    "count",
                    "#,##0",
                    Certification.CERTIFIED,
                    3),
                "order_count",
                Optional.empty(),
                List.of(),
                at(FILE, VALID, "- name: order_count", 2)),
            new RatioMetric(
                "average_order_value",
                governance("average_order_value", "finance", "Revenue per order", "客单价", "CNY"),
                "revenue",
                "order_count",
                List.of(),
                at(FILE, VALID, "- name: average_order_value")),
            new DerivedMetric(
                "revenue_growth",
                governance("revenue_growth", "finance", "Growth on a year ago", "同比增长", "ratio"),
                "revenue / revenue_last_year - 1",
                List.of(
                    new MetricInput("revenue", Optional.empty(), Optional.empty()),
                    new MetricInput(
                        "revenue",
                        Optional.of("revenue_last_year"),
                        Optional.of(new TimeWindow(1, TimeGrain.YEAR)))),
                List.of(),
                at(FILE, VALID, "- name: revenue_growth")),
            new CumulativeMetric(
                "revenue_year_to_date",
                governance("revenue_year_to_date", "finance", "Fiscal year to date", "财年累计", "CNY"),
                "revenue",
                Optional.empty(),
                Optional.of(TimeGrain.FISCAL_YEAR),
                List.of(),
                at(FILE, VALID, "- name: revenue_year_to_date")),
            new CumulativeMetric(
                "trailing_revenue",
                governance("trailing_revenue", "finance", "Last 90 days", "近90天", "CNY"),
                "revenue",
                Optional.of(new TimeWindow(90, TimeGrain.DAY)),
                Optional.empty(),
                List.of(),
                at(FILE, VALID, "- name: trailing_revenue")),
            new ConversionMetric(
                "first_order_rate",
                governance(
                    "first_order_rate", "marketing", "New customers who order", "新客下单率", "ratio"),
                "customer",
                "new_customers",
                "order_count",
                new TimeWindow(30, TimeGrain.DAY),
                ConversionMetric.Calculation.CONVERSIONS,
                List.of(),
                at(FILE, VALID, "- name: first_order_rate")));
  }

  /** Regression: a metric named like its measure was placed on the measure's line. */
  @Test
  void locatesAMetricNamedLikeItsMeasureOnItsOwnLine() {
    SemanticManifest manifest = check(new ModelSource(FILE, VALID)).manifest().orElseThrow();

    int measureLine = lineOf(VALID, "- name: revenue", 1);
    int metricLine = lineOf(VALID, "- name: revenue", 2);
    assertThat(metricLine).isGreaterThan(measureLine);
    assertThat(manifest.measure("revenue").orElseThrow().location().line()).isEqualTo(measureLine);
    assertThat(manifest.metric("revenue").orElseThrow().location().line()).isEqualTo(metricLine);
  }

  @Test
  void reportsAnUnknownKeyWithItsLineAndTheKnownKeys() {
    String text =
        """
        semantic-models:
          - name: customers
            tabel: gold/dim_customer
        """;

    ModelCheck check = check(new ModelSource(FILE, text));

    assertThat(check.manifest()).isEmpty();
    assertThat(check.issues()).hasSize(1);
    ModelIssue issue = check.issues().get(0);
    assertThat(issue.location()).isEqualTo(at(FILE, text, "tabel: gold/dim_customer"));
    assertThat(issue.message())
        .startsWith("unknown key 'tabel' at semantic-models[0]")
        .contains("default-time-dimension, description, dimensions, entities")
        .contains("table")
        .endsWith("Fix the spelling or remove the key.");
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    String text =
        """
        metrics:
          - name: revenue
            type: simple: ratio
        """;

    ModelCheck check = check(new ModelSource(FILE, text));

    assertThat(check.issues()).hasSize(1);
    assertThat(check.issues().get(0).location()).isEqualTo(at(FILE, text, "type: simple: ratio"));
    assertThat(check.issues().get(0).message())
        .startsWith(
            "the value at metrics[0] has the wrong shape (mapping values are not allowed here");
  }

  @Test
  void reportsAWrongMetricType() {
    String text =
        """
        metrics:
          - name: win_rate
            type: ratoi
            owner: sales-ops
            unit: ratio
            description: {en: Won over closed, zh: 赢单率}
            numerator: won_deals
            denominator: closed_deals
        """;

    assertThat(check(new ModelSource(FILE, text)).issues())
        .containsExactly(
            new ModelIssue(
                at(FILE, text, "- name: win_rate"),
                "metric 'win_rate' has type 'ratoi'; use one of simple, ratio, derived,"
                    + " cumulative, conversion."));
  }

  @Test
  void reportsEveryMissingRequiredField() {
    String text =
        """
        semantic-models:
          - name: customers
            entities:
              - name: customer
        metrics:
          - name: revenue
            type: simple
        """;

    SourceLocation model = at(FILE, text, "- name: customers");
    SourceLocation entity = at(FILE, text, "- name: customer");
    SourceLocation metric = at(FILE, text, "- name: revenue");
    assertThat(check(new ModelSource(FILE, text)).issues())
        .containsExactly(
            new ModelIssue(model, "semantic model 'customers' has no table; add 'table:'."),
            new ModelIssue(
                entity,
                "entity 'customer' of semantic model 'customers' has no type; use one of primary,"
                    + " unique, foreign."),
            new ModelIssue(metric, "metric 'revenue' has no owner; add 'owner:'."),
            new ModelIssue(metric, "metric 'revenue' has no unit; add 'unit:'."),
            new ModelIssue(
                metric,
                "metric 'revenue' needs a description in English and Chinese (description: {en:"
                    + " ..., zh: ...})."),
            new ModelIssue(metric, "metric 'revenue' has no measure; add 'measure:'."));
  }

  @Test
  void reportsAKeyThatTheMetricsTypeDoesNotTake() {
    String text =
        """
        metrics:
          - name: revenue
            type: simple
            owner: sales-ops
            unit: CNY
            description: {en: Order value, zh: 订单金额}
            measure: revenue
            numerator: revenue
            window: 30 days
        """;

    SourceLocation metric = at(FILE, text, "- name: revenue");
    assertThat(check(new ModelSource(FILE, text)).issues())
        .containsExactly(
            new ModelIssue(
                metric,
                "metric 'revenue' is a simple metric, which takes no 'numerator'. Remove the key."),
            new ModelIssue(
                metric,
                "metric 'revenue' is a simple metric, which takes no 'window'. Remove the key."));
  }

  @Test
  void reportsTheIssuesOfSeveralFilesTogether() {
    String customers =
        """
        semantic-models:
          - name: customers
            table: gold/dim_customer
            entities:
              - name: customer
                type: primary
            dimensions:
              - name: region
                type: categorcal
        """;
    String orders =
        """
        semantic-models:
          - name: orders
            table: gold/fact_order
            default-time-dimension: order_date
            dimensions:
              - name: order_date
                type: time
            measures:
              - name: revenue
                agg: total
        """;
    String metrics =
        """
        metrics:
          - name: revenue
            type: simple
            owner: sales-ops
            unit: CNY
            description: {en: Order value, zh: 订单金额}
            measure: revenue
            colour: blue
        """;

    ModelCheck check =
        check(
            new ModelSource("customers.yaml", customers),
            new ModelSource("orders.yaml", orders),
            new ModelSource("metrics.yaml", metrics));

    assertThat(check.manifest()).isEmpty();
    assertThat(check.issues())
        .extracting(ModelIssue::location)
        .containsExactly(
            at("customers.yaml", customers, "- name: region"),
            at("orders.yaml", orders, "- name: revenue"),
            at("metrics.yaml", metrics, "colour: blue"));
    assertThat(check.issues().get(0).message())
        .isEqualTo(
            "dimension 'region' of semantic model 'customers' type is 'categorcal'; use one of"
                + " categorical, time.");
    assertThat(check.issues().get(1).message())
        .isEqualTo(
            "measure 'revenue' of semantic model 'orders' agg is 'total'; use one of sum, count,"
                + " count-distinct, min, max, average, sum-boolean.");
    assertThat(check.issues().get(2).message()).startsWith("unknown key 'colour' at metrics[0]");
  }

  @Test
  void loadsTheYamlFilesOfADirectoryInNameOrder(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("b-metrics.yml"), metricsOnly(), UTF_8);
    Files.writeString(
        directory.resolve("a-models.yaml"), VALID.substring(0, metricsStart()), UTF_8);
    Files.writeString(directory.resolve("notes.txt"), "not a model", UTF_8);

    assertThat(SemanticManifestLoader.sources(directory))
        .extracting(source -> Path.of(source.origin()).getFileName().toString())
        .containsExactly("a-models.yaml", "b-metrics.yml");
    SemanticManifest manifest = SemanticManifestLoader.load(directory);
    assertThat(manifest.semanticModels())
        .extracting(SemanticModel::name)
        .containsExactly("orders", "customers");
    assertThat(manifest.metrics()).hasSize(7);
    assertThat(manifest.metric("trailing_revenue").orElseThrow().location())
        .isEqualTo(
            new SourceLocation(
                directory.resolve("b-metrics.yml").toString(),
                lineOf(metricsOnly(), "- name: trailing_revenue")));
  }

  @Test
  void failsToLoadAnInvalidDirectoryListingEveryIssue(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("metrics.yaml");
    Files.writeString(
        file,
        """
        metrics:
          - name: revenue
            type: simple
        """,
        UTF_8);

    assertThatThrownBy(() -> SemanticManifestLoader.load(directory))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "The semantic model in "
                + directory
                + " has 4 issues:\n"
                + "  "
                + file
                + ":2: metric 'revenue' has no owner; add 'owner:'.\n"
                + "  "
                + file
                + ":2: metric 'revenue' has no unit; add 'unit:'.\n"
                + "  "
                + file
                + ":2: metric 'revenue' needs a description in English and Chinese (description:"
                + " {en: ..., zh: ...}).\n"
                + "  "
                + file
                + ":2: metric 'revenue' has no measure; add 'measure:'.");
  }

  @Test
  void failsOnAMissingOrEmptyDirectory(@TempDir Path directory) {
    Path missing = directory.resolve("missing");
    assertThatThrownBy(() -> SemanticManifestLoader.load(missing))
        .isInstanceOf(SalesdwException.class)
        .hasMessage("The model directory " + missing + " does not exist or is not a directory.");
    assertThatThrownBy(() -> SemanticManifestLoader.load(directory))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "The model directory "
                + directory
                + " holds no .yaml file; put the semantic models and metrics there.");
  }

  private static int metricsStart() {
    return VALID.indexOf("metrics:\n");
  }

  private static String metricsOnly() {
    return VALID.substring(metricsStart());
  }

  private static SemanticModel ordersModel() {
    return new SemanticModel(
        "orders",
        "gold/fact_order",
        "One row per order.",
        Optional.of("is_deleted = false"),
        Optional.of("order_date"),
        List.of(
            new Entity("order", EntityType.PRIMARY, "order_id", at(FILE, VALID, "- name: order")),
            new Entity(
                "customer",
                EntityType.FOREIGN,
                "customer_id",
                at(FILE, VALID, "- name: customer"))),
        List.of(
            new Dimension(
                "order_date",
                DimensionType.TIME,
                "ordered_at",
                "The day the order was placed.",
                at(FILE, VALID, "- name: order_date")),
            new Dimension(
                "channel",
                DimensionType.CATEGORICAL,
                "channel",
                "",
                at(FILE, VALID, "- name: channel"))),
        List.of(
            new Measure(
                "revenue",
                Aggregation.SUM,
                "amount_cny",
                "Order value in CNY.",
                Optional.empty(),
                Optional.empty(),
                at(FILE, VALID, "- name: revenue", 1)),
            new Measure(
                "order_count",
                Aggregation.COUNT_DISTINCT,
                "order_id",
                "",
                Optional.empty(),
                Optional.empty(),
                at(FILE, VALID, "- name: order_count", 1)),
            new Measure(
                "open_orders",
                Aggregation.SUM_BOOLEAN,
                "is_open",
                "",
                Optional.of(
                    new NonAdditiveDimension("order_date", NonAdditiveDimension.PeriodEnd.MIN)),
                Optional.of("order_date"),
                at(FILE, VALID, "- name: open_orders"))),
        at(FILE, VALID, "- name: orders"));
  }

  private static SemanticModel customersModel() {
    return new SemanticModel(
        "customers",
        "gold/dim_customer",
        "",
        Optional.empty(),
        Optional.of("signup_date"),
        List.of(
            new Entity(
                "customer",
                EntityType.PRIMARY,
                "customer",
                at(FILE, VALID, "- name: customer", 2))),
        List.of(
            new Dimension(
                "region",
                DimensionType.CATEGORICAL,
                "region_name",
                "",
                at(FILE, VALID, "- name: region")),
            new Dimension(
                "signup_date",
                DimensionType.TIME,
                "signup_date",
                "",
                at(FILE, VALID, "- name: signup_date"))),
        List.of(
            new Measure(
                "new_customers",
                Aggregation.COUNT,
                "customer_id",
                "",
                Optional.empty(),
                Optional.empty(),
                at(FILE, VALID, "- name: new_customers"))),
        at(FILE, VALID, "- name: customers"));
  }

  private static MetricGovernance governance(
      String name, String owner, String english, String chinese, String unit) {
    return new MetricGovernance(
        name, owner, new LocalizedText(english, chinese), unit, "", Certification.DRAFT, 1);
  }
}
