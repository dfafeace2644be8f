package io.salesdw.generator.time;

import java.time.LocalDate;

/**
 * The date of the Spring Festival (Chinese New Year) in a Gregorian year, computed rather than
 * tabulated so every year from 2000 to 2100 works: it is the first new moon, in China Standard
 * Time, on or after 21 January. New moons come from Meeus's algorithm (Astronomical Algorithms, ch.
 * 49) with its main periodic terms, accurate to minutes. The 21 January rule misses only the rare
 * years with a leap eleventh or twelfth month (2033 is one); a day off there does not matter here.
 */
public final class ChineseNewYear {
  private static final double SECONDS_PER_DAY = 86_400;
  private static final double UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;

  private ChineseNewYear() {}

  /** The Spring Festival's date in {@code year}. */
  public static LocalDate of(int year) {
    LocalDate earliest = LocalDate.of(year, 1, 21);
    long k = (long) Math.floor((year - 2000) * 12.3685) - 1;
    while (true) {
      LocalDate newMoon = chinaDate(newMoonJulianDay(k));
      if (!newMoon.isBefore(earliest)) {
        return newMoon;
      }
      k++;
    }
  }

  private static LocalDate chinaDate(double julianDay) {
    long epochSecond = Math.round((julianDay - UNIX_EPOCH_JULIAN_DAY) * SECONDS_PER_DAY);
    return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + 8 * 3600, 86_400L));
  }

  /**
   * Julian day (dynamical time, close enough to UTC here) of new moon number k after 2000-01-06.
   */
  static double newMoonJulianDay(long k) {
    double t = k / 1236.85;
    double jde =
        2_451_550.09766
            + 29.530588861 * k
            + 0.00015437 * t * t
            - 0.000000150 * t * t * t
            + 0.00000000073 * t * t * t * t;
    double e = 1 - 0.002516 * t - 0.0000074 * t * t;
    double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t * t);
    double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t * t);
    double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t * t);
    double omega = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t * t);
    double correction =
        -0.40720 * Math.sin(mp)
            + 0.17241 * e * Math.sin(m)
            + 0.01608 * Math.sin(2 * mp)
            + 0.01039 * Math.sin(2 * f)
            + 0.00739 * e * Math.sin(mp - m)
            - 0.00514 * e * Math.sin(mp + m)
            + 0.00208 * e * e * Math.sin(2 * m)
            - 0.00111 * Math.sin(mp - 2 * f)
            - 0.00057 * Math.sin(mp + 2 * f)
            + 0.00056 * e * Math.sin(2 * mp + m)
            - 0.00042 * Math.sin(3 * mp)
            + 0.00042 * e * Math.sin(m + 2 * f)
            + 0.00038 * e * Math.sin(m - 2 * f)
            - 0.00024 * e * Math.sin(2 * mp - m)
            - 0.00017 * Math.sin(omega);
    return jde + correction;
  }
}
