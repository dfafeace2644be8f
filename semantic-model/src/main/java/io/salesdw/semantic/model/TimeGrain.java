package io.salesdw.semantic.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The grains a time dimension can be queried at. A period is named by its first day; the fiscal
 * grains follow the configured {@link FiscalCalendar}.
 */
public enum TimeGrain {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR,
  FISCAL_QUARTER,
  FISCAL_YEAR;

  /** What separates a time dimension from its grain in a query: {@code order_date__month}. */
  public static final String SEPARATOR = "__";

  /** The grain's name in queries: {@code order_date__fiscal_quarter}. */
  public String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The grain a query suffix names, if any. */
  public static Optional<TimeGrain> fromSuffix(String suffix) {
    for (TimeGrain grain : values()) {
      if (grain.suffix().equalsIgnoreCase(suffix)) {
        return Optional.of(grain);
      }
    }
    return Optional.empty();
  }

  /** The number of months in one period, for month-based grains; 0 for day and week. */
  public int months() {
    return switch (this) {
      case DAY, WEEK -> 0;
      case MONTH -> 1;
      case QUARTER, FISCAL_QUARTER -> 3;
      case YEAR, FISCAL_YEAR -> 12;
    };
  }
}
