package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a gold table's builder sees: the Spark session with its inputs registered as views, the
 * build's configuration, and the as-of date (the last day the lake has CRM activity for), which "as
 * of now" measures such as silent customers are taken at.
 */
record GoldContext(SparkSession spark, TransformConfig config, Supplier<LocalDate> asOfDate) {
  private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z_]+)}");

  GoldContext {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    requireNonNull(asOfDate, "asOfDate is null");
  }

  /** The last day the lake has CRM activity or opportunity changes for. */
  LocalDate asOf() {
    return asOfDate.get();
  }

  /** Runs the SQL resource {@code sql/<name>.sql} with the build's parameters filled in. */
  Dataset<Row> sql(String name) {
    return spark.sql(render(sqlText(name), parameters()));
  }

  Map<String, String> parameters() {
    HealthThresholds health = config.healthThresholds();
    return Map.of(
        "as_of", "DATE'" + asOf() + "'",
        "stage_update_due_days", Integer.toString(health.stageUpdateDueDays()),
        "fiscal_first_month", Integer.toString(config.fiscalCalendar().firstMonth()));
  }

  static String render(String text, Map<String, String> parameters) {
    Matcher matcher = PARAMETER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = parameters.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown SQL parameter ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The text of the SQL resource {@code sql/<name>.sql}. */
  static String sqlText(String name) {
    String resource = "sql/" + name + ".sql";
    try (InputStream in = GoldContext.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
