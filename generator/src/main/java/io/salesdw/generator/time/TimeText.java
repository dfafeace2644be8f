package io.salesdw.generator.time;

import java.time.LocalDate;

/**
 * Fast text forms of instants (epoch seconds) in China Standard Time (UTC+8, no daylight saving
 * since 1991), written straight into a builder: the generator formats millions of timestamps, and
 * {@code DateTimeFormatter} with its zone rules would dominate the run time.
 */
public final class TimeText {
  /** China Standard Time's offset from UTC in seconds. */
  public static final int CHINA_OFFSET_SECONDS = 8 * 3600;

  private TimeText() {}

  /** The epoch day of the instant's date in China. */
  public static long chinaEpochDay(long epochSecond) {
    return Math.floorDiv(epochSecond + CHINA_OFFSET_SECONDS, 86_400L);
  }

  /** The instant's date in China. */
  public static LocalDate chinaDate(long epochSecond) {
    return LocalDate.ofEpochDay(chinaEpochDay(epochSecond));
  }

  /** Seconds since local midnight in China. */
  public static int chinaSecondOfDay(long epochSecond) {
    return (int) Math.floorMod(epochSecond + CHINA_OFFSET_SECONDS, 86_400L);
  }

  /** The epoch second of local midnight in China starting the given date. */
  public static long chinaStartOfDay(LocalDate date) {
    return date.toEpochDay() * 86_400L - CHINA_OFFSET_SECONDS;
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, the CRM's local timestamp. */
  public static StringBuilder appendCrmTimestamp(StringBuilder out, long epochSecond) {
    appendDate(out, chinaDate(epochSecond));
    out.append(' ');
    return appendTimeOfDay(out, chinaSecondOfDay(epochSecond));
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, the CRM's local timestamp. */
  public static String crmTimestamp(long epochSecond) {
    return appendCrmTimestamp(new StringBuilder(19), epochSecond).toString();
  }

  /** {@code yyyy-MM-dd'T'HH:mm:ss+08:00}, the ERP's and the call records' timestamp. */
  public static StringBuilder appendIsoTimestamp(StringBuilder out, long epochSecond) {
    appendDate(out, chinaDate(epochSecond));
    out.append('T');
    appendTimeOfDay(out, chinaSecondOfDay(epochSecond));
    return out.append("+08:00");
  }

  /** {@code yyyy-MM-dd'T'HH:mm:ss+08:00}, the ERP's and the call records' timestamp. */
  public static String isoTimestamp(long epochSecond) {
    return appendIsoTimestamp(new StringBuilder(25), epochSecond).toString();
  }

  /** {@code yyyy-MM-dd} of the instant's date in China. */
  public static String date(long epochSecond) {
    return appendDate(new StringBuilder(10), chinaDate(epochSecond)).toString();
  }

  /** {@code yyyy-MM-dd}. */
  public static String date(LocalDate date) {
    return appendDate(new StringBuilder(10), date).toString();
  }

  /** {@code yyyy-MM} of the instant's month in China. */
  public static String month(long epochSecond) {
    LocalDate date = chinaDate(epochSecond);
    StringBuilder out = new StringBuilder(7);
    appendPadded(out, date.getYear(), 4);
    out.append('-');
    return appendPadded(out, date.getMonthValue(), 2).toString();
  }

  /** {@code yyyy-MM-dd}. */
  public static StringBuilder appendDate(StringBuilder out, LocalDate date) {
    appendPadded(out, date.getYear(), 4);
    out.append('-');
    appendPadded(out, date.getMonthValue(), 2);
    out.append('-');
    return appendPadded(out, date.getDayOfMonth(), 2);
  }

  /** {@code HH:mm:ss}. */
  public static StringBuilder appendTimeOfDay(StringBuilder out, int secondOfDay) {
    appendPadded(out, secondOfDay / 3600, 2);
    out.append(':');
    appendPadded(out, secondOfDay / 60 % 60, 2);
    out.append(':');
    return appendPadded(out, secondOfDay % 60, 2);
  }

  /** A non-negative number left-padded with zeros to at least {@code width} digits. */
  public static StringBuilder appendPadded(StringBuilder out, long value, int width) {
    long limit = 10;
    for (int digits = 1; digits < width; digits++) {
      if (value < limit) {
        out.append('0');
      }
      limit *= 10;
    }
    return out.append(value);
  }
}
