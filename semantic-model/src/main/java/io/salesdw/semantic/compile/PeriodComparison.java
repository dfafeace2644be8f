package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.model.TimeGrain;
import java.util.Locale;
import java.util.Optional;

/**
 * How a query asks for a metric against time, without a metric per comparison: {@code
 * MEASURE(revenue, 'previous_period')}, {@code 'same_period_last_year'}, or {@code 'year_to_date'}
 * (and the other {@code <grain>_to_date}s).
 *
 * @param kind the comparison
 * @param toDateGrain the grain a to-date comparison accumulates from
 */
record PeriodComparison(Kind kind, Optional<TimeGrain> toDateGrain) {
  static final PeriodComparison NONE = new PeriodComparison(Kind.NONE, Optional.empty());

  PeriodComparison {
    requireNonNull(kind, "kind is null");
    requireNonNull(toDateGrain, "toDateGrain is null");
    if ((kind == Kind.TO_DATE) != toDateGrain.isPresent()) {
      throw new IllegalArgumentException("a to-date comparison, and only it, has a grain");
    }
  }

  /** The comparison a {@code MEASURE} argument names, if it names one. */
  static Optional<PeriodComparison> parse(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "previous_period":
        return Optional.of(new PeriodComparison(Kind.PREVIOUS_PERIOD, Optional.empty()));
      case "same_period_last_year":
        return Optional.of(new PeriodComparison(Kind.SAME_PERIOD_LAST_YEAR, Optional.empty()));
      default:
        if (name.endsWith("_to_date")) {
          return TimeGrain.fromSuffix(name.substring(0, name.length() - "_to_date".length()))
              .filter(grain -> grain != TimeGrain.DAY)
              .map(grain -> new PeriodComparison(Kind.TO_DATE, Optional.of(grain)));
        }
        return Optional.empty();
    }
  }

  /** The comparisons a query may name, for error messages. */
  static String names() {
    return "previous_period, same_period_last_year, week_to_date, month_to_date, quarter_to_date,"
        + " year_to_date, fiscal_quarter_to_date, fiscal_year_to_date";
  }

  /** The kinds of comparison. */
  enum Kind {
    NONE,
    PREVIOUS_PERIOD,
    SAME_PERIOD_LAST_YEAR,
    TO_DATE
  }
}
