package io.salesdw.reports.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dashboard's layout tree ({@code position_json}) and metadata ({@code json_metadata}), as
 * Superset's dashboard editor writes them: two charts a row on the twelve-column grid.
 */
final class DashboardLayout {
  private static final int CHARTS_PER_ROW = 2;
  private static final int GRID_COLUMNS = 12;
  private static final int CHART_HEIGHT = 50;

  /** A chart as the layout places it: its id on the server (or in the bundle) and its uuid. */
  record PlacedChart(int chartId, String sliceName, UUID uuid) {}

  private DashboardLayout() {}

  static Map<String, Object> position(String title, List<PlacedChart> charts) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("DASHBOARD_VERSION_KEY", "v2");
    position.put("ROOT_ID", node("ROOT_ID", "ROOT", List.of("GRID_ID"), List.of(), Map.of()));
    position.put(
        "HEADER_ID", node("HEADER_ID", "HEADER", List.of(), List.of(), Map.of("text", title)));
    List<String> rows = new ArrayList<>();
    for (int start = 0; start < charts.size(); start += CHARTS_PER_ROW) {
      String rowId = "ROW-" + (start / CHARTS_PER_ROW + 1);
      rows.add(rowId);
      List<String> chartNodes = new ArrayList<>();
      for (PlacedChart chart :
          charts.subList(start, Math.min(charts.size(), start + CHARTS_PER_ROW))) {
        String chartNode = "CHART-" + chart.uuid().toString().substring(0, 8);
        chartNodes.add(chartNode);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("chartId", chart.chartId());
        meta.put("sliceName", chart.sliceName());
        meta.put("uuid", chart.uuid().toString());
        meta.put("width", GRID_COLUMNS / CHARTS_PER_ROW);
        meta.put("height", CHART_HEIGHT);
        position.put(
            chartNode,
            node(chartNode, "CHART", List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
      }
      position.put(
          rowId,
          node(
              rowId,
              "ROW",
              chartNodes,
              List.of("ROOT_ID", "GRID_ID"),
              Map.of("background", "BACKGROUND_TRANSPARENT")));
    }
    position.put("GRID_ID", node("GRID_ID", "GRID", rows, List.of("ROOT_ID"), Map.of()));
    return position;
  }

  static Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("color_scheme", "supersetColors");
    metadata.put("refresh_frequency", 0);
    metadata.put("expanded_slices", Map.of());
    metadata.put("label_colors", Map.of());
    metadata.put("timed_refresh_immune_slices", List.of());
    metadata.put("native_filter_configuration", List.of());
    metadata.put("cross_filters_enabled", true);
    return metadata;
  }

  private static Map<String, Object> node(
      String id,
      String type,
      List<String> children,
      List<String> parents,
      Map<String, Object> meta) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", id);
    node.put("type", type);
    node.put("children", children);
    if (!parents.isEmpty()) {
      node.put("parents", parents);
    }
    if (!meta.isEmpty()) {
      node.put("meta", meta);
    }
    return node;
  }
}
