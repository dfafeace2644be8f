package io.salesdw.reports.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The pack's charts (JFreeChart), each drawn as SVG for the HTML and as PNG for the PDF. */
final class PackCharts {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 300;
  private static final Color[] PALETTE = {
    new Color(0x1F, 0x5A, 0x96),
    new Color(0xE0, 0x8A, 0x1E),
    new Color(0x3A, 0x9D, 0x5D),
    new Color(0xC0, 0x39, 0x2B),
    new Color(0x7D, 0x5B, 0xA6)
  };

  private final String fontFamily;
  private int charts;

  /** Charts whose text is drawn in {@code fontFamily} (a CJK-capable family for Chinese). */
  PackCharts(String fontFamily) {
    this.fontFamily = fontFamily;
  }

  /** Bars of one or more series over categories; values per series in category order. */
  PackBlock.Chart bars(String caption, String valueAxis, Map<String, Map<String, Number>> series) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach(
        (name, values) ->
            values.forEach((category, value) -> data.addValue(value, name, category)));
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, valueAxis, data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
    style(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    // Rotated text (a vertical axis label) draws as missing glyphs in browsers with JFreeSVG's
    // text: the caption above the chart names the values instead.
    plot.getRangeAxis().setLabel(null);
    plot.getDomainAxis().setMaximumCategoryLabelLines(3);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.08);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return render(caption, chart, WIDTH, HEIGHT);
  }

  /** Lines through points (x, y) per series, with the diagonal y = x as the perfect reference. */
  PackBlock.Chart reliability(
      String caption,
      String xAxis,
      String yAxis,
      String diagonal,
      Map<String, List<double[]>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries perfect = new XYSeries(diagonal);
    perfect.add(0.0, 0.0);
    perfect.add(1.0, 1.0);
    data.addSeries(perfect);
    series.forEach(
        (name, points) -> {
          XYSeries line = new XYSeries(name);
          points.forEach(point -> line.add(point[0], point[1]));
          data.addSeries(line);
        });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, xAxis, yAxis, data, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    plot.getDomainAxis().setRange(0.0, 1.0);
    plot.getRangeAxis().setRange(0.0, 1.0);
    plot.getRangeAxis().setLabel(null);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, Color.GRAY);
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesStroke(
        0,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f}, 0f));
    for (int i = 1; i <= series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[(i - 1) % PALETTE.length]);
    }
    plot.setRenderer(renderer);
    return render(caption, chart, WIDTH, 340);
  }

  /** A radar (spider web) of one or more series over the same axes, values 0 to 100. */
  PackBlock.Chart radar(String caption, Map<String, Map<String, Number>> series) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach(
        (name, values) -> values.forEach((axis, value) -> data.addValue(value, name, axis)));
    SpiderWebPlot plot = new SpiderWebPlot(data);
    plot.setMaxValue(100.0);
    plot.setWebFilled(true);
    plot.setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
    for (int i = 0; i < series.size(); i++) {
      plot.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    JFreeChart chart = new JFreeChart(null, new Font(fontFamily, Font.BOLD, 14), plot, true);
    style(chart);
    return render(caption, chart, 560, 380);
  }

  private void style(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("pack");
    theme.setExtraLargeFont(new Font(fontFamily, Font.BOLD, 16));
    theme.setLargeFont(new Font(fontFamily, Font.BOLD, 13));
    theme.setRegularFont(new Font(fontFamily, Font.PLAIN, 12));
    theme.setSmallFont(new Font(fontFamily, Font.PLAIN, 10));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.apply(chart);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
  }

  private PackBlock.Chart render(String caption, JFreeChart chart, int width, int height) {
    charts++;
    SVGGraphics2D svg = new SVGGraphics2D(width, height);
    // Several SVGs share one HTML page: their clip-path and gradient ids must not collide.
    svg.setDefsKeyPrefix("c" + charts + "_");
    chart.draw(svg, new Rectangle(0, 0, width, height));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeScaledChartAsPNG(png, chart, width, height, 2, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + caption, e);
    }
    return new PackBlock.Chart(caption, svg.getSVGElement("chart" + charts), png.toByteArray());
  }
}
