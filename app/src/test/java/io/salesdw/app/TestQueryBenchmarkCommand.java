package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestQueryBenchmarkCommand {
  @Test
  void answersMatchAsSetsWithNumbersComparedNumerically() {
    // The layer types a sum DECIMAL and returns rows in another order than the hand-written SQL.
    QueryResult layer =
        result(row("east", new BigDecimal("10.50")), row(null, new BigDecimal("2")));
    QueryResult direct = result(row(null, 2.0), row("east", 10.5));

    assertThat(QueryBenchmarkCommand.sameAnswer(layer, direct)).isEmpty();
  }

  @Test
  void aDifferentValueOrRowCountIsReported() {
    QueryResult layer = result(row("east", 10.5), row("west", 3.0));

    assertThat(
            QueryBenchmarkCommand.sameAnswer(layer, result(row("east", 10.5), row("west", 3.01))))
        .hasValueSatisfying(problem -> assertThat(problem).contains("west").contains("3.01"));
    assertThat(QueryBenchmarkCommand.sameAnswer(layer, result(row("east", 10.5))))
        .hasValue("2 rows against 1 by hand");
    assertThat(QueryBenchmarkCommand.sameAnswer(layer, result(row(null, 10.5), row("west", 3.0))))
        .isPresent();
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> sorted = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      sorted.add((double) i);
    }
    // Nearest rank: p50 of 1..20 is the 10th value, p95 the 19th.
    assertThat(QueryBenchmarkCommand.percentile(sorted, 0.50)).isEqualTo(10.0);
    assertThat(QueryBenchmarkCommand.percentile(sorted, 0.95)).isEqualTo(19.0);
    assertThat(QueryBenchmarkCommand.percentile(List.of(7.0), 0.95)).isEqualTo(7.0);
  }

  private static QueryResult result(ResultRow... rows) {
    return new QueryResult(
        List.of(
            new ResultColumn("region", JDBCType.VARCHAR, "VARCHAR", 0, 0),
            new ResultColumn("revenue", JDBCType.DOUBLE, "DOUBLE", 0, 0)),
        Arrays.asList(rows));
  }

  private static ResultRow row(Object... values) {
    return new ResultRow(Arrays.stream(values).map(Optional::ofNullable).toList());
  }
}
