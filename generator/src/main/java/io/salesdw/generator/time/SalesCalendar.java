package io.salesdw.generator.time;

import io.salesdw.generator.random.Distributions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The simulated fiscal year in China Standard Time: its working days and public holidays, the
 * seasonality of sales work (the Spring Festival dip, the fourth-quarter push), and sampling of
 * instants within working hours.
 */
public final class SalesCalendar {
  /** Relative volume of sales work by month: slow January/February, busy December. */
  private static final double[] MONTH_FACTORS = {
    0.85, 0.72, 1.05, 1.00, 0.95, 1.05, 0.95, 0.92, 1.08, 0.92, 1.15, 1.32
  };

  private static final double WORKDAY_WEIGHT = 1.0;
  private static final double WEEKEND_WEIGHT = 0.18;
  private static final double HOLIDAY_WEIGHT = 0.06;

  /** Working-hours profile by hour of day (China time): morning and afternoon peaks. */
  private static final double[] HOUR_WEIGHTS = {
    0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.7, 2.6, 3.0, 2.8, 1.0, 1.6, 2.8, 3.0, 2.8, 2.2,
    0.9, 0.6, 0.5, 0.35, 0.15, 0.06
  };

  private static final long NIGHT_START = 21 * 3600;
  private static final long NIGHT_SPLIT = 2 * 3600 + 45 * 60;
  private static final long MORNING_START = 8 * 3600 + 30 * 60;

  private final int year;
  private final LocalDate firstDay;
  private final long start;
  private final long end;
  private final int days;
  private final LocalDate springFestival;
  private final boolean[] holiday;
  private final double[] cumulativeDayWeights;
  private final double[] cumulativeHourWeights;

  public SalesCalendar(int year) {
    this.year = year;
    this.firstDay = LocalDate.of(year, 1, 1);
    this.start = TimeText.chinaStartOfDay(firstDay);
    this.end = TimeText.chinaStartOfDay(LocalDate.of(year + 1, 1, 1));
    this.days = (int) ((end - start) / 86_400);
    this.springFestival = ChineseNewYear.of(year);
    this.holiday = new boolean[days];
    markHolidays();
    double[] weights = new double[days];
    for (int day = 0; day < days; day++) {
      weights[day] = dayWeight(day);
    }
    this.cumulativeDayWeights = Distributions.cumulative(weights);
    this.cumulativeHourWeights = Distributions.cumulative(HOUR_WEIGHTS);
  }

  private void markHolidays() {
    markRange(firstDay, firstDay);
    markRange(springFestival.minusDays(1), springFestival.plusDays(6));
    markRange(LocalDate.of(year, 4, 4), LocalDate.of(year, 4, 6));
    markRange(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 5));
    markRange(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 7));
  }

  private void markRange(LocalDate from, LocalDate to) {
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      int day = (int) (date.toEpochDay() - firstDay.toEpochDay());
      if (day >= 0 && day < days) {
        holiday[day] = true;
      }
    }
  }

  /** The simulated year. */
  public int year() {
    return year;
  }

  /** Epoch second of 1 January 00:00 China time. */
  public long start() {
    return start;
  }

  /** Epoch second of the next 1 January 00:00 China time (exclusive end of the year). */
  public long end() {
    return end;
  }

  /** Number of days in the year. */
  public int days() {
    return days;
  }

  /** The Spring Festival date of the year. */
  public LocalDate springFestival() {
    return springFestival;
  }

  /** The date of day {@code day} (0 = 1 January). */
  public LocalDate date(int day) {
    return firstDay.plusDays(day);
  }

  /** Day index (0 = 1 January) of an instant; negative before the year. */
  public int dayOf(long epochSecond) {
    return (int) Math.floorDiv(epochSecond - start, 86_400L);
  }

  /** Epoch second of local midnight starting day {@code day}. */
  public long startOfDay(int day) {
    return start + day * 86_400L;
  }

  /** Whether day {@code day} of the year is a public holiday. */
  public boolean isHoliday(int day) {
    return day >= 0 && day < days && holiday[day];
  }

  /** Whether the date is a working day: a weekday that is not a public holiday (of this year). */
  public boolean isWorkday(LocalDate date) {
    DayOfWeek weekday = date.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return false;
    }
    return !isHoliday((int) (date.toEpochDay() - firstDay.toEpochDay()));
  }

  /** Relative volume of sales work on day {@code day}. */
  public double dayWeight(int day) {
    LocalDate date = date(day);
    double type;
    if (holiday[day]) {
      type = HOLIDAY_WEIGHT;
    } else if (date.getDayOfWeek() == DayOfWeek.SATURDAY
        || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      type = WEEKEND_WEIGHT;
    } else {
      type = WORKDAY_WEIGHT;
    }
    return type * monthFactor(date.getMonth());
  }

  /** Relative volume of sales work in a month. */
  public static double monthFactor(Month month) {
    return MONTH_FACTORS[month.getValue() - 1];
  }

  /** A day of the year drawn by the seasonal, working-day weights. */
  public int sampleDay(double u) {
    return Distributions.weightedAt(u, cumulativeDayWeights);
  }

  /** A day drawn by the same weights, restricted to days [{@code from}, {@code to}). */
  public int sampleDay(double u, int from, int to) {
    int low = Math.max(0, from);
    int high = Math.min(days, to);
    if (high <= low) {
      return Math.max(0, Math.min(days - 1, low));
    }
    double base = low == 0 ? 0 : cumulativeDayWeights[low - 1];
    double target = base + u * (cumulativeDayWeights[high - 1] - base);
    int left = low;
    int right = high - 1;
    while (left < right) {
      int mid = (left + right) >>> 1;
      if (cumulativeDayWeights[mid] > target) {
        right = mid;
      } else {
        left = mid + 1;
      }
    }
    return left;
  }

  /** A second of the day drawn from the working-hours profile. */
  public int sampleSecondOfDay(double uHour, double uWithinHour) {
    int hour = Distributions.weightedAt(uHour, cumulativeHourWeights);
    return hour * 3600 + (int) (uWithinHour * 3600);
  }

  /** An instant in the year: a seasonal working day and a working-hours time of day. */
  public long sampleInstant(double uDay, double uHour, double uWithinHour) {
    return startOfDay(sampleDay(uDay)) + sampleSecondOfDay(uHour, uWithinHour);
  }

  /**
   * Moves a night-time instant into working hours without biasing durations: late evenings move
   * back to 20:00–21:00 and small hours forward to 08:30–09:30, split so the mean shift is about
   * zero. Never moves an instant before {@code notBefore}.
   */
  public static long snapToWorkingHours(long epochSecond, double u, long notBefore) {
    long local = Math.floorMod(epochSecond + TimeText.CHINA_OFFSET_SECONDS, 86_400L);
    long midnight = epochSecond - local;
    long jitter = (long) (u * 3600);
    if (local >= NIGHT_START) {
      long back = midnight + NIGHT_START - 3600 + jitter;
      return back > notBefore ? back : midnight + 86_400 + MORNING_START + jitter;
    }
    if (local < NIGHT_SPLIT) {
      long back = midnight - 86_400 + NIGHT_START - 3600 + jitter;
      return back > notBefore ? back : midnight + MORNING_START + jitter;
    }
    if (local < MORNING_START) {
      return midnight + MORNING_START + jitter;
    }
    return epochSecond;
  }
}
