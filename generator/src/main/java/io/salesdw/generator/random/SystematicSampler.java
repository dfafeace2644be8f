package io.salesdw.generator.random;

/**
 * Systematic (Madow) sampling over units visited in a fixed order: unit i is selected with exactly
 * its probability p_i, and the number selected among any run of consecutive units differs from the
 * sum of their probabilities by less than one. This keeps published rates close to their targets in
 * small samples while every unit keeps its own probability.
 */
public final class SystematicSampler {
  private final double start;
  private double cumulative;

  /** A sampler with the given random start in [0, 1). */
  public SystematicSampler(double start) {
    if (!(start >= 0 && start < 1)) {
      throw new IllegalArgumentException("start must be in [0, 1): " + start);
    }
    this.start = start;
  }

  /** Whether the next unit, with selection probability {@code probability}, is selected. */
  public boolean next(double probability) {
    double p = Math.min(1, Math.max(0, probability));
    double before = Math.floor(cumulative + start);
    cumulative += p;
    return Math.floor(cumulative + start) > before;
  }
}
