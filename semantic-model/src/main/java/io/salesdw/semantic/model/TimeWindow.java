package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time such as {@code 30 days} or {@code 3 months}: the window of a cumulative or a
 * conversion metric.
 *
 * @param count how many units
 * @param unit a calendar grain (day, week, month, quarter or year)
 */
public record TimeWindow(int count, TimeGrain unit) {
  private static final Pattern TEXT =
      Pattern.compile(
          "\\s*(\\d+)\\s+(day|week|month|quarter|year)s?\\s*", Pattern.CASE_INSENSITIVE);

  public TimeWindow {
    requireNonNull(unit, "unit is null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    if (unit == TimeGrain.FISCAL_QUARTER || unit == TimeGrain.FISCAL_YEAR) {
      throw new IllegalArgumentException("a window is measured in calendar units: " + unit);
    }
  }

  /**
   * Parses {@code "30 days"}, {@code "1 month"}.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static TimeWindow parse(String text) {
    Matcher matcher = TEXT.matcher(requireNonNull(text, "text is null"));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a window such as '30 days' or '3 months'");
    }
    return new TimeWindow(
        Integer.parseInt(matcher.group(1)),
        TimeGrain.valueOf(matcher.group(2).toUpperCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return count + " " + unit.suffix() + (count == 1 ? "" : "s");
  }
}
