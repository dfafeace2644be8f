package io.salesdw.generator.output;

import io.salesdw.generator.random.EntityRandom;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.random.SystematicSampler;

/**
 * Decides, row by row, which deliberate defect (if any) a file's row gets. Rows are picked by
 * systematic sampling at the summed rate, each row's chance jittered between 0 and twice the rate
 * so that defects do not fall at regular intervals; a file of n rows gets about n·rate defects,
 * never none by bad luck in a small file. Each picked row gets the kind furthest behind its share,
 * so the kinds are disjoint and each count is within one of its own n·rate. Counts what it hands
 * out for the manifest.
 */
public final class DefectDice {
  private final EntityRandom random;
  private final long filePart;
  private final DefectKind[] kinds;
  private final double[] rates;
  private final double totalRate;
  private final SystematicSampler sampler;
  private final double[] credit;
  private final long[] counts;

  public DefectDice(EntityRandom random, long filePart, DefectKind[] kinds, double[] rates) {
    if (kinds.length != rates.length || kinds.length == 0) {
      throw new IllegalArgumentException("one rate per kind, at least one kind");
    }
    this.random = random;
    this.filePart = filePart;
    this.kinds = kinds.clone();
    this.rates = rates.clone();
    double sum = 0;
    for (double rate : rates) {
      sum += rate;
    }
    this.totalRate = sum;
    this.sampler = new SystematicSampler(random.uniform(RandomStream.DEFECT, -1, filePart));
    this.credit = new double[kinds.length];
    this.counts = new long[kinds.length];
  }

  /** The defect for row {@code row}, or null; call once per row, in file order. */
  public DefectKind roll(long row) {
    if (!sampler.next(totalRate * 2 * random.uniform(RandomStream.DEFECT, row, filePart))) {
      return null;
    }
    int chosen = 0;
    for (int i = 0; i < kinds.length; i++) {
      credit[i] += rates[i] / totalRate;
      if (credit[i] > credit[chosen]) {
        chosen = i;
      }
    }
    credit[chosen] -= 1;
    counts[chosen]++;
    return kinds[chosen];
  }

  /** Records the counts handed out, as rates of {@code rows}. */
  public void report(OutputLedger ledger, String file, long rows) {
    for (int i = 0; i < kinds.length; i++) {
      ledger.defect(file, kinds[i], null, counts[i], rows);
    }
  }
}
