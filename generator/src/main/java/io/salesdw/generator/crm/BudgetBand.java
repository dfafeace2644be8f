package io.salesdw.generator.crm;

/** The budget a lead states, as the CRM's band label, with the deal sizes behind it. */
public enum BudgetBand {
  UNDER_100K("<10万", 60_000, 0.20, 0.38),
  FROM_100K("10-50万", 220_000, 0.05, 0.37),
  FROM_500K("50-200万", 900_000, -0.15, 0.18),
  OVER_2M(">200万", 2_400_000, -0.35, 0.07);

  private final String label;
  private final long medianYuan;
  private final double winEffect;
  private final double share;

  BudgetBand(String label, long medianYuan, double winEffect, double share) {
    this.label = label;
    this.medianYuan = medianYuan;
    this.winEffect = winEffect;
    this.share = share;
  }

  public String label() {
    return label;
  }

  /** Median deal amount in yuan for the band. */
  public long medianYuan() {
    return medianYuan;
  }

  /** Shift of the latent deal quality: big deals are harder to win. */
  public double winEffect() {
    return winEffect;
  }

  /** Share of leads in the band. */
  public double share() {
    return share;
  }
}
