package io.salesdw.semantic.catalog;

import io.salesdw.semantic.model.ModelCheck;
import io.salesdw.semantic.model.ModelSource;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.util.List;

/**
 * A small model over three gold tables, with every way a metric reads columns: a measure's expr, a
 * model's filter, an agg time dimension other than the model's default, a non-additive dimension, a
 * simple metric's filter on dimensions of two models, a ratio, a derived metric reading a metric
 * two ways, and a conversion over an entity.
 */
final class CatalogFixtures {
  static final String MODEL =
      """
      semantic-models:
        - name: orders
          table: gold/fact_order
          filter: is_deleted = false
          default-time-dimension: order_date
          entities:
            - {name: order, type: primary, expr: order_id}
            - {name: customer, type: foreign, expr: customer_id}
          dimensions:
            - {name: order_date, type: time, expr: "CAST(ordered_at AS DATE)", description: Day ordered.}
            - {name: channel, type: categorical, expr: sales_channel, description: Where sold.}
          measures:
            - {name: order_amount, agg: sum, expr: "CASE WHEN is_paid THEN amount ELSE 0 END"}
            - {name: order_lines, agg: count, expr: order_id}
        - name: customers
          table: gold/dim_customer
          default-time-dimension: signup_date
          entities:
            - {name: customer, type: primary, expr: customer_id}
          dimensions:
            - {name: region, type: categorical, expr: region_name, description: Sales region.}
            - {name: signup_date, type: time, expr: signed_up_on, description: Day signed up.}
          measures:
            - {name: signups, agg: count, expr: customer_id}
        - name: balances
          table: gold/fact_balance
          default-time-dimension: balance_date
          entities:
            - {name: customer, type: foreign, expr: customer_id}
          dimensions:
            - {name: balance_date, type: time, expr: snapshot_day, description: Day of the snapshot.}
            - {name: posted_date, type: time, expr: posted_on, description: Day posted.}
          measures:
            - name: balance
              agg: sum
              expr: balance_cny
              agg-time-dimension: posted_date
              non-additive-dimension: {name: balance_date, window: max}
      metrics:
        - name: revenue
          type: simple
          measure: order_amount
          label: Revenue
          owner: finance
          unit: CNY
          format: "#,##0.00"
          certification: certified
          version: 2
          description: {en: Paid order value., zh: 已付订单金额。}
        - name: web_revenue
          type: simple
          measure: order_amount
          filter: channel = 'web' AND region = 'East'
          owner: finance
          unit: CNY
          description: {en: Web revenue in the East., zh: 东区网店收入。}
        - name: order_count
          type: simple
          measure: order_lines
          owner: sales-ops
          unit: count
          certification: draft
          description: {en: Order lines., zh: 订单行数。}
        - name: average_order_value
          type: ratio
          numerator: revenue
          denominator: order_count
          owner: finance
          unit: CNY
          description: {en: Revenue per order line., zh: 平均订单金额。}
        - name: new_customers
          type: simple
          measure: signups
          owner: marketing
          unit: count
          description: {en: Customers signed up., zh: 新客户数。}
        - name: revenue_per_signup
          type: derived
          expr: revenue / NULLIF(new_customers, 0) + 0 * revenue_last_year
          inputs:
            - {metric: revenue}
            - {metric: new_customers}
            - {metric: revenue, alias: revenue_last_year, offset-window: 1 year}
          owner: finance
          unit: CNY
          certification: deprecated
          description: {en: Revenue per new customer., zh: 每位新客户的收入。}
        - name: closing_balance
          type: simple
          measure: balance
          owner: finance
          unit: CNY
          description: {en: Balance at period end., zh: 期末余额。}
        - name: first_order_rate
          type: conversion
          entity: customer
          base-measure: signups
          conversion-measure: order_lines
          window: 30 days
          calculation: conversion-rate
          owner: marketing
          unit: ratio
          description: {en: Sign-ups ordering within 30 days., zh: 30天内下单的新客户比例。}
      """;

  private CatalogFixtures() {}

  static SemanticManifest manifest() {
    ModelCheck check = SemanticManifestLoader.check(List.of(new ModelSource("model.yaml", MODEL)));
    if (!check.isValid()) {
      throw new IllegalStateException("the fixture model is invalid: " + check.issues());
    }
    return check.manifest().orElseThrow();
  }
}
