package io.salesdw.transforms.ltv.model;

/**
 * The three parameters of the Gamma-Gamma spend model: a customer's transaction values are gamma(p,
 * nu) distributed, and nu is gamma(q, v) distributed across customers (v in the currency's units).
 */
public record GammaGammaParameters(double p, double q, double v) {
  public GammaGammaParameters {
    requirePositive("p", p);
    requirePositive("q", q);
    requirePositive("v", v);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
  }
}
