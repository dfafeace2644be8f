package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An expected-value test of a metric on fixture data (Looker's data tests): the metric, grouped and
 * filtered as given, must return exactly these rows.
 *
 * @param name the test's name, unique for its metric
 * @param groupBy dimensions, with time grains ({@code order_date__month})
 * @param where a condition on dimensions, in SQL
 * @param expect the expected rows: each maps the group-by dimensions and the metric's name to the
 *     value as text (numbers compared numerically)
 * @param location where it is declared
 */
public record MetricTest(
    String name,
    List<String> groupBy,
    Optional<String> where,
    List<Map<String, String>> expect,
    SourceLocation location) {
  public MetricTest {
    requireNonNull(name, "name is null");
    groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
    requireNonNull(where, "where is null");
    expect = requireNonNull(expect, "expect is null").stream().map(Map::copyOf).toList();
    requireNonNull(location, "location is null");
  }
}
