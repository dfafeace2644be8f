package io.salesdw.semantic.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.model.ModelCheck;
import io.salesdw.semantic.model.ModelIssue;
import io.salesdw.semantic.model.ModelSource;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.semantic.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TestModelValidation {
  private static final String FILE = "orders.yaml";

  private static final RelDataTypeFactory TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  /** Two fake lake tables, typed as Delta Kernel's schemas would map them. */
  private static final Map<String, RelDataType> LAKE =
      Map.of(
          "gold/fact_order",
          TYPES
              .builder()
              .add("order_id", SqlTypeName.BIGINT)
              .add("customer_id", SqlTypeName.BIGINT)
              .add("ordered_at", SqlTypeName.TIMESTAMP)
              .add("order_day_text", SqlTypeName.VARCHAR)
              .add("year", SqlTypeName.INTEGER)
              .add("channel", SqlTypeName.VARCHAR)
              .add("status", SqlTypeName.VARCHAR)
              .add("amount", SqlTypeName.DECIMAL, 18, 2)
              .add("is_open", SqlTypeName.BOOLEAN)
              .add("is_deleted", SqlTypeName.BOOLEAN)
              .build(),
          "gold/dim_customer",
          TYPES
              .builder()
              .add("customer_id", SqlTypeName.BIGINT)
              .add("region_name", SqlTypeName.VARCHAR)
              .add("signup_date", SqlTypeName.DATE)
              .build());

  /**
   * A valid model whose exprs use what the checks must accept: a CASE, a cast, CURRENT_TIMESTAMP, a
   * keyword as a one-word expr ({@code year}), a filter on a time dimension at a grain.
   */
  private static final String VALID =
      """
      semantic-models:
        - name: orders
          table: gold/fact_order
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
            - name: order_day
              type: time
              expr: CAST(order_day_text AS DATE)
            - name: channel
              type: categorical
            - name: year
              type: categorical
          measures:
            - name: revenue
              agg: sum
              expr: CASE WHEN status = 'cancelled' THEN 0 ELSE amount END
            - name: order_count
              agg: count
              expr: order_id
            - name: open_orders
              agg: sum_boolean
              expr: is_open AND ordered_at < CURRENT_TIMESTAMP
            - name: average_amount
              agg: average
              expr: amount * 1.13
        - name: customers
          table: gold/dim_customer
          entities:
            - name: customer
              type: primary
              expr: customer_id
          dimensions:
            - name: region
              type: categorical
              expr: region_name
            - name: signup_date
              type: time
      metrics:
        - name: web_revenue
          type: simple
          owner: ops
          unit: CNY
          description: {en: x, zh: x}
          measure: revenue
          filter: channel = 'web' AND order_date__month >= DATE '2024-01-01'
          tests:
            - name: east
              group-by: [region]
              where: region = 'East' AND customer IS NOT NULL
              expect: []
        - name: order_total
          type: simple
          owner: ops
          unit: count
          description: {en: x, zh: x}
          measure: order_count
        - name: per_order
          type: derived
          owner: ops
          unit: CNY
          description: {en: x, zh: x}
          expr: web_revenue / orders
          inputs:
            - metric: web_revenue
            - metric: order_total
              alias: orders
      """;

  @Test
  void acceptsAValidModel() {
    SemanticManifest manifest = manifest(VALID);

    assertThat(ModelValidation.validate(manifest, LAKE)).isEmpty();
    assertThat(ModelValidation.validate(manifest, Optional.of(lookup()))).isEmpty();
    assertThat(ModelValidation.validate(manifest, Optional.empty())).isEmpty();
  }

  @Test
  void reportsADerivedExprThatDoesNotParseWithItsPosition() {
    String expr = "web_revenue +* orders";
    String text = VALID.replace("expr: web_revenue / orders", "expr: " + expr);

    assertThat(ModelValidation.validate(manifest(text), Optional.empty()))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: per_order"),
                "metric 'per_order' has expr 'web_revenue +* orders', which is not valid SQL at"
                    + " column "
                    + (expr.indexOf('+') + 1)
                    + ": Encountered \"+ *\". Fix the expression (quote a column named like a"
                    + " keyword: \"order\")."));
  }

  @Test
  void reportsAnUnknownReferenceInADerivedExprWithTheNearestInput() {
    String text = VALID.replace("expr: web_revenue / orders", "expr: web_revenu / orders");

    assertThat(ModelValidation.validate(manifest(text), Optional.empty()))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: per_order"),
                "metric 'per_order' has expr 'web_revenu / orders', which reads 'web_revenu', not"
                    + " one of its inputs (did you mean 'web_revenue'?). Use an input's name or"
                    + " alias (web_revenue, orders), or add the metric to its inputs."));
  }

  @Test
  void reportsUnknownDimensionsInAFilterAndAWhere() {
    String text =
        VALID
            .replace("filter: channel = 'web'", "filter: chanel = 'web'")
            .replace("where: region = 'East'", "where: regon = 'East'");

    assertThat(ModelValidation.validate(manifest(text), Optional.empty()))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: web_revenue"),
                "metric 'web_revenue' has filter 'chanel = 'web' AND order_date__month >= DATE"
                    + " '2024-01-01'', which reads 'chanel', not a dimension or an entity (did you"
                    + " mean 'channel'?). A filter names dimensions (a time dimension also at a"
                    + " grain, such as order_date__month), entities and metric_time."),
            new ModelIssue(
                at(text, "- name: east"),
                "test 'east' of metric 'web_revenue' has where 'regon = 'East' AND customer IS NOT"
                    + " NULL', which reads 'regon', not a dimension or an entity (did you mean"
                    + " 'region'?). A where names dimensions (a time dimension also at a grain,"
                    + " such as order_date__month), entities and metric_time."));
  }

  @Test
  void reportsAModelExprThatDoesNotParseOnceEvenWithTables() {
    String expr = "amount *";
    String text = VALID.replace("expr: amount * 1.13", "expr: " + expr);

    assertThat(ModelValidation.validate(manifest(text), LAKE))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: average_amount"),
                "measure 'average_amount' of semantic model 'orders' has expr 'amount *', which is"
                    + " not valid SQL at column "
                    + (expr.indexOf('*') + 1)
                    + ": Encountered \"* <EOF>\". Fix the expression (quote a column named like a"
                    + " keyword: \"order\")."));
  }

  @Test
  void reportsUnknownColumnsWithTheNearestColumn() {
    String text =
        VALID
            .replace("expr: region_name", "expr: region_nme")
            .replace("filter: is_deleted = false", "filter: is_delted = false");

    assertThat(ModelValidation.validate(manifest(text), LAKE))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: orders"),
                "semantic model 'orders' has filter 'is_delted = false', which reads column"
                    + " 'is_delted', but table gold/fact_order has no such column (did you mean"
                    + " 'is_deleted'?). Fix the filter."),
            new ModelIssue(
                at(text, "- name: region"),
                "dimension 'region' of semantic model 'customers' has expr 'region_nme', which"
                    + " reads column 'region_nme', but table gold/dim_customer has no such column"
                    + " (did you mean 'region_name'?). Fix the expr."));
  }

  @Test
  void reportsASumOverTextAndASumBooleanOverANumber() {
    String text =
        VALID
            .replace("expr: CASE WHEN status = 'cancelled' THEN 0 ELSE amount END", "expr: status")
            .replace("expr: is_open AND ordered_at < CURRENT_TIMESTAMP", "expr: amount");

    assertThat(ModelValidation.validate(manifest(text), LAKE))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: revenue"),
                "measure 'revenue' of semantic model 'orders' has agg sum over expr 'status', a"
                    + " VARCHAR in table gold/fact_order; only numbers can be summed or averaged."
                    + " Cast the expr to a number or choose another agg (count, count-distinct,"
                    + " min, max)."),
            new ModelIssue(
                at(text, "- name: open_orders"),
                "measure 'open_orders' of semantic model 'orders' has agg sum-boolean over expr"
                    + " 'amount', a DECIMAL in table gold/fact_order; sum-boolean counts the rows"
                    + " where a condition holds. Write a condition (such as amount > 0) or choose"
                    + " another agg."));
  }

  @Test
  void reportsATimeDimensionOverText() {
    String text = VALID.replace("expr: CAST(order_day_text AS DATE)", "expr: order_day_text");

    assertThat(ModelValidation.validate(manifest(text), LAKE))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: order_day"),
                "time dimension 'order_day' of semantic model 'orders' has expr 'order_day_text',"
                    + " a VARCHAR in table gold/fact_order; a time dimension needs a DATE or a"
                    + " TIMESTAMP. Cast it (CAST(order_day_text AS DATE)) or make the dimension"
                    + " categorical."));
  }

  @Test
  void reportsATableNotInTheLakeWithTheNearestTable() {
    String text = VALID.replace("table: gold/dim_customer", "table: gold/dim_customers");
    SemanticManifest manifest = manifest(text);
    String problem =
        "semantic model 'customers' reads table gold/dim_customers, but there is no table"
            + " gold/dim_customers in the lake";

    assertThat(ModelValidation.validate(manifest, LAKE))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: customers"),
                problem
                    + "; nearest: gold/dim_customer. Fix the table name, or build the table"
                    + " first."));
    // A lookup function lists no tables: the issue names none.
    assertThat(ModelValidation.validate(manifest, Optional.of(lookup())))
        .containsExactly(
            new ModelIssue(
                at(text, "- name: customers"),
                problem + ". Fix the table name, or build the table first."));
  }

  private static Function<String, Optional<RelDataType>> lookup() {
    return table -> Optional.ofNullable(LAKE.get(table));
  }

  private static SemanticManifest manifest(String text) {
    ModelCheck check = SemanticManifestLoader.check(List.of(new ModelSource(FILE, text)));
    assertThat(check.issues()).isEmpty();
    return check.manifest().orElseThrow();
  }

  /** The location of the one line of the fixture that is exactly {@code line}, stripped. */
  private static SourceLocation at(String text, String line) {
    List<String> lines = text.lines().map(String::strip).toList();
    assertThat(lines).containsOnlyOnce(line);
    return new SourceLocation(FILE, lines.indexOf(line) + 1);
  }
}
