package io.salesdw.transforms.ltv.model;

/**
 * The four parameters of the BG/NBD model: purchase rates are gamma(r, alpha) distributed across
 * customers (alpha in the model's time unit), and the per-purchase dropout probability is beta(a,
 * b) distributed.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {
  public BgNbdParameters {
    requirePositive("r", r);
    requirePositive("alpha", alpha);
    requirePositive("a", a);
    requirePositive("b", b);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
  }
}
