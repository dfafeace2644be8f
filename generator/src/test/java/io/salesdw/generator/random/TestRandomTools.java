package io.salesdw.generator.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestRandomTools {
  @Test
  void entityRandomDependsOnSeedStreamAndIndexOnly() {
    EntityRandom a = new EntityRandom(42);
    EntityRandom b = new EntityRandom(42);
    assertThat(a.of(RandomStream.LEAD, 7).nextLong())
        .isEqualTo(b.of(RandomStream.LEAD, 7).nextLong());
    assertThat(a.of(RandomStream.LEAD, 7).nextLong())
        .isNotEqualTo(a.of(RandomStream.LEAD, 8).nextLong());
    assertThat(a.of(RandomStream.LEAD, 7).nextLong())
        .isNotEqualTo(a.of(RandomStream.OPPORTUNITY, 7).nextLong());
    assertThat(a.of(RandomStream.LEAD, 7).nextLong())
        .isNotEqualTo(new EntityRandom(43).of(RandomStream.LEAD, 7).nextLong());
    assertThat(a.uniform(RandomStream.DEFECT, 1, 2))
        .isBetween(0.0, 1.0)
        .isEqualTo(b.uniform(RandomStream.DEFECT, 1, 2));
  }

  @Test
  void systematicSamplingHitsTheExpectedCountInEveryPrefix() {
    SplittableRandom random = new SplittableRandom(9);
    SystematicSampler sampler = new SystematicSampler(0.37);
    double expected = 0;
    long selected = 0;
    for (int i = 0; i < 10_000; i++) {
      double p = random.nextDouble();
      expected += p;
      if (sampler.next(p)) {
        selected++;
      }
      assertThat(Math.abs(selected - expected)).isLessThan(1.0);
    }
  }

  @Test
  void distributionsHaveTheirMeans() {
    SplittableRandom random = new SplittableRandom(13);
    int n = 200_000;
    double gamma = 0;
    double beta = 0;
    double logNormal = 0;
    double poisson = 0;
    for (int i = 0; i < n; i++) {
      gamma += Distributions.gamma(random, 0.75, 2.0);
      beta += Distributions.beta(random, 0.8, 2.6);
      logNormal += Distributions.logNormalWithMean(random, 5.7, 0.75);
      poisson += Distributions.poisson(random, 3.2);
    }
    assertThat(gamma / n).isCloseTo(1.5, within(0.02));
    assertThat(beta / n).isCloseTo(0.8 / 3.4, within(0.003));
    assertThat(logNormal / n).isCloseTo(5.7, within(0.05));
    assertThat(poisson / n).isCloseTo(3.2, within(0.02));
  }

  @Test
  void weylQuantilesGiveTheMeanOfTheDistribution() {
    double sum = 0;
    int n = 500;
    for (int i = 0; i < n; i++) {
      sum += Distributions.logNormalQuantile(Distributions.weyl(0.3, i), 8.9, 0.75);
    }
    assertThat(sum / n).isCloseTo(8.9, within(0.2));
    assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
  }
}
