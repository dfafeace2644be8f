package io.salesdw.generator.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestVolumes {
  @Test
  void scaleOneIsAHundredAndFiftyRepOrganisation() {
    Volumes volumes = Volumes.forScale(1);
    assertThat(volumes.reps()).isEqualTo(150);
    assertThat(volumes.regions()).isEqualTo(7);
    assertThat(volumes.leads()).isEqualTo(50_000);
    assertThat(volumes.opportunities()).isEqualTo(12_000);
    assertThat(volumes.activities()).isEqualTo(400_000);
    assertThat(volumes.chatMessages()).isEqualTo(1_500_000);
  }

  @Test
  void countsGrowLinearly() {
    Volumes one = Volumes.forScale(1);
    Volumes three = Volumes.forScale(3);
    assertThat(three.leads()).isEqualTo(3 * one.leads());
    assertThat(three.opportunities()).isEqualTo(3 * one.opportunities());
    assertThat(three.activities()).isEqualTo(3 * one.activities());
    assertThat(three.chatMessages()).isEqualTo(3 * one.chatMessages());
    assertThat(three.reps()).isEqualTo(3 * one.reps());
  }

  @Test
  void tinyScalesKeepAWorkingOrganisation() {
    for (double scale : new double[] {0.0001, 0.01, 0.05}) {
      Volumes volumes = Volumes.forScale(scale);
      assertThat(volumes.regions()).as("regions at %s", scale).isGreaterThanOrEqualTo(2);
      assertThat(volumes.teams())
          .as("teams at %s", scale)
          .isGreaterThanOrEqualTo(2)
          .isGreaterThanOrEqualTo(volumes.regions());
      assertThat(volumes.reps()).as("reps at %s", scale).isGreaterThanOrEqualTo(8);
    }
    assertThat(Volumes.forScale(0.1).regions()).isEqualTo(3);
  }
}
