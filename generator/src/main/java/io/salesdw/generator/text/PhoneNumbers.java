package io.salesdw.generator.text;

import java.util.SplittableRandom;

/** Mainland China mobile numbers (real carrier prefixes) and landlines with city area codes. */
public final class PhoneNumbers {
  private static final String[] MOBILE_PREFIXES = {
    "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "158", "159", "177",
    "180", "181", "186", "187", "188", "189", "199"
  };

  private PhoneNumbers() {}

  /** An 11-digit mobile number. */
  public static String mobile(SplittableRandom random) {
    StringBuilder out = new StringBuilder(11);
    out.append(MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]);
    for (int i = 0; i < 8; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  /** A landline such as {@code 021-62345678} (seven digits after three-digit area codes). */
  public static String landline(SplittableRandom random, City city) {
    StringBuilder out = new StringBuilder(13).append(city.areaCode()).append('-');
    out.append((char) ('2' + random.nextInt(7)));
    int digits = city.areaCode().length() == 3 ? 7 : 6;
    for (int i = 0; i < digits; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}
