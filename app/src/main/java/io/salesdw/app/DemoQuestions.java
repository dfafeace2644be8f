package io.salesdw.app;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The questions the demo ends with, answered through the semantic layer as an analyst would ask
 * them with {@code salesdw sql}: governed metrics, the same numbers a dashboard shows.
 */
final class DemoQuestions {
  /** A manager's question and the metric query that answers it. */
  record Question(String question, String sql) {}

  static final List<Question> QUESTIONS =
      List.of(
          new Question(
              "Is target attainment stuck, and does the win rate explain it?",
              "SELECT metric_time__quarter, MEASURE(target_attainment), MEASURE(win_rate)"
                  + " FROM metrics GROUP BY metric_time__quarter ORDER BY metric_time__quarter"),
          new Question(
              "Which lead channels turn into opportunities within 30 days?",
              "SELECT channel_name, MEASURE(leads), MEASURE(lead_to_opportunity_30d) FROM metrics"
                  + " GROUP BY channel_name ORDER BY MEASURE(lead_to_opportunity_30d) DESC"),
          new Question(
              "Which customer regions bring the revenue, and at what margin?",
              "SELECT customer_region, MEASURE(revenue), MEASURE(gross_margin_rate) FROM metrics"
                  + " GROUP BY customer_region ORDER BY MEASURE(revenue) DESC LIMIT 5"));

  private DemoQuestions() {}

  /** Answers the questions on the lake's gold layer and prints each as a small table. */
  static void answer(String lake, Console console) {
    try (SemanticLayer layer =
        SemanticLayer.embedded(Lake.open(lake), SemanticManifestLoader.loadShipped())) {
      for (Question question : QUESTIONS) {
        SemanticAnswer answer = layer.query(question.sql());
        console.result("");
        console.result(question.question());
        console.result("  salesdw sql \"" + question.sql() + "\"");
        print(answer.result(), console);
      }
    }
  }

  /** The latest month with orders, asked of the governed revenue metric. */
  static YearMonth latestMonthWithRevenue(String lake) {
    try (SemanticLayer layer =
        SemanticLayer.embedded(Lake.open(lake), SemanticManifestLoader.loadShipped())) {
      QueryResult result =
          layer
              .query(
                  "SELECT metric_time__month, MEASURE(revenue) FROM metrics"
                      + " GROUP BY metric_time__month ORDER BY metric_time__month DESC LIMIT 1")
              .result();
      if (result.rows().isEmpty() || result.rows().get(0).value(0).isEmpty()) {
        throw new IllegalStateException("the demo lake has no orders to report on");
      }
      return YearMonth.from((LocalDate) result.rows().get(0).value(0).get());
    }
  }

  private static void print(QueryResult result, Console console) {
    List<String> names = result.columnNames();
    List<List<String>> cells = new ArrayList<>();
    for (ResultRow row : result.rows()) {
      List<String> line = new ArrayList<>();
      for (Optional<Object> value : row.values()) {
        line.add(value.map(DemoQuestions::format).orElse(""));
      }
      cells.add(line);
    }
    int[] widths = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      widths[i] = names.get(i).length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    console.result("  " + line(names, widths));
    for (List<String> line : cells) {
      console.result("  " + line(line, widths));
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cells.get(i)));
    }
    return text.toString().stripTrailing();
  }

  private static String format(Object value) {
    if (value instanceof Double number) {
      return String.format(Locale.ROOT, "%.3f", number);
    }
    if (value instanceof BigDecimal number) {
      return String.format(Locale.ROOT, "%,.2f", number);
    }
    return value.toString();
  }
}
