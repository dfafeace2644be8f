package io.salesdw.generator.random;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Random sources keyed by (seed, stream, entity index): the same key always gives the same
 * sequence, whatever thread asks and in whatever order.
 */
public final class EntityRandom {
  private final long seed;

  public EntityRandom(long seed) {
    this.seed = seed;
  }

  /** A fresh random source for one entity of one stream. */
  public SplittableRandom of(RandomStream stream, long index) {
    requireNonNull(stream, "stream is null");
    return new SplittableRandom(key(stream, index, 0));
  }

  /** A fresh random source for one part (an event, a message) of one entity. */
  public SplittableRandom of(RandomStream stream, long index, long part) {
    requireNonNull(stream, "stream is null");
    return new SplittableRandom(key(stream, index, part));
  }

  /** A uniform number in [0, 1) fixed by the key, for one-off draws that need no sequence. */
  public double uniform(RandomStream stream, long index, long part) {
    return (key(stream, index, part) >>> 11) * 0x1.0p-53;
  }

  private long key(RandomStream stream, long index, long part) {
    long h = mix64(seed ^ (stream.id() * 0x9E3779B97F4A7C15L));
    h = mix64(h + index * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L);
    return mix64(h ^ (part * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
  }

  /** The SplitMix64 finaliser: a bijection on longs with good avalanche. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
