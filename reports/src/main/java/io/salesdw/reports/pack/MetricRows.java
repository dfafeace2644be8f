package io.salesdw.reports.pack;

import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.engine.ResultRow;
import java.util.ArrayList;
import java.util.List;

/** The rows of a metric query, each value or Java null: the only way the pack reads figures. */
final class MetricRows {
  private final SemanticLayer layer;

  MetricRows(SemanticLayer layer) {
    this.layer = layer;
  }

  List<List<Object>> query(String metricQuery) {
    SemanticAnswer answer = layer.query(metricQuery);
    List<List<Object>> rows = new ArrayList<>();
    for (ResultRow row : answer.result().rows()) {
      rows.add(row.values().stream().map(value -> value.orElse(null)).toList());
    }
    return rows;
  }
}
