package io.salesdw.generator.output;

/** Locale-free text forms of money and fixed-point numbers, appended without allocation. */
public final class Numbers {
  private Numbers() {}

  /** Money in fen (1/100 yuan) as {@code 123456.78}. */
  public static StringBuilder appendMoney(StringBuilder out, long fen) {
    if (fen < 0) {
      out.append('-');
      fen = -fen;
    }
    out.append(fen / 100).append('.');
    long cents = fen % 100;
    if (cents < 10) {
      out.append('0');
    }
    return out.append(cents);
  }

  /** Money in fen (1/100 yuan) as {@code 123456.78}. */
  public static String money(long fen) {
    return appendMoney(new StringBuilder(16), fen).toString();
  }

  /** A number rounded to {@code decimals} places (at most 6), as plain decimal text. */
  public static StringBuilder appendFixed(StringBuilder out, double value, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(value * scale);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / scale);
    if (decimals > 0) {
      out.append('.');
      long fraction = scaled % scale;
      for (long limit = scale / 10; limit > 1 && fraction < limit; limit /= 10) {
        out.append('0');
      }
      out.append(fraction);
    }
    return out;
  }

  /** A number rounded to {@code decimals} places, as plain decimal text. */
  public static String fixed(double value, int decimals) {
    return appendFixed(new StringBuilder(16), value, decimals).toString();
  }
}
