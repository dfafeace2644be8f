package io.salesdw.transforms.ltv.model;

/**
 * The Gauss hypergeometric function <sub>2</sub>F<sub>1</sub>(a, b; c; z) for 0 &lt;= z &lt; 1, by
 * its power series, which is all the BG/NBD forecasts need.
 *
 * <p>The series converges for |z| &lt; 1 but slowly near 1: its terms eventually shrink like
 * n<sup>a+b-c-1</sup> z<sup>n</sup>. Callers keep that in hand with Euler's transformation
 * <sub>2</sub>F<sub>1</sub>(a, b; c; z) = (1-z)<sup>c-a-b</sup> <sub>2</sub>F<sub>1</sub>(c-a, c-b;
 * c; z), which turns the BG/NBD series into one whose terms fall off polynomially faster (see
 * {@link BgNbdModel}). A hard cap on the number of terms guards against a series that still would
 * not converge.
 */
final class Hypergeometric {
  /** Relative accuracy asked of the sum, bound on the tail included. */
  private static final double RELATIVE_TOLERANCE = 1e-14;

  /** A guard, not a working limit: z = 0.9999 needs about 4e5 terms, this allows 100 times more. */
  private static final int MAX_TERMS = 50_000_000;

  private Hypergeometric() {}

  /** <sub>2</sub>F<sub>1</sub>(a, b; c; z) for 0 &lt;= z &lt; 1 and c not 0, -1, -2, .... */
  static double gauss(double a, double b, double c, double z) {
    return 1.0 + b * excess(a, b, c, z);
  }

  /**
   * ( <sub>2</sub>F<sub>1</sub>(a, b; c; z) - 1 ) / b, summed term by term so that it stays exact
   * as b goes to 0, where the difference quotient would cancel catastrophically: the n-th term is
   * (a)<sub>n</sub> (b+1)<sub>n-1</sub> z<sup>n</sup> / ((c)<sub>n</sub> n!).
   */
  static double excess(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new IllegalArgumentException("the 2F1 series needs 0 <= z < 1, got z = " + z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new IllegalArgumentException("2F1 is undefined for c = " + c);
    }
    if (z == 0) {
      return 0.0;
    }
    double term = a * z / c;
    double sum = term;
    for (int n = 1; n < MAX_TERMS; n++) {
      // Term n+1 over term n; (b+1)_{n-1} grows by (b+n) from term n to term n+1.
      double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      sum += term;
      // The ratios tend to z, monotonically once n passes the parameters, so once the larger of
      // the current ratio and z is below 1 the rest of the series is at most a geometric tail.
      double bound = Math.max(Math.abs(ratio), z);
      if (n > Math.abs(a) + Math.abs(b) + Math.abs(c)
          && bound < 1
          && Math.abs(term) * bound / (1 - bound) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
        return sum;
      }
      if (!Double.isFinite(sum)) {
        break;
      }
    }
    throw new ArithmeticException(
        String.format(
            "the 2F1(%s, %s; %s; %s) series did not converge in %d terms", a, b, c, z, MAX_TERMS));
  }
}
