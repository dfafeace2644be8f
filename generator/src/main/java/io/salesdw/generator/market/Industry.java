package io.salesdw.generator.market;

/**
 * The industries the organisation sells into, with the CRM label, market share and the effects they
 * have on deals: hospitals buy big and slowly through tenders, dental chains and SaaS firms buy
 * small and fast.
 */
public enum Industry {
  TERTIARY_HOSPITAL("三级医院", 0.06, 0.1, 1.9, "PL01", 0.55),
  PRIVATE_DENTAL("民营口腔", 0.12, 0.15, 0.7, "PL02", 0.05),
  FMCG("快消", 0.15, 0.0, 1.0, "PL03", 0.05),
  SAAS("SaaS", 0.17, 0.2, 0.6, "PL03", 0.02),
  MANUFACTURING("制造业", 0.25, -0.1, 1.3, "PL04", 0.12),
  EDUCATION("教育", 0.11, -0.25, 0.7, "PL05", 0.30),
  RETAIL_CHAIN("零售连锁", 0.14, 0.05, 0.9, "PL03", 0.04);

  private final String label;
  private final double marketShare;
  private final double winEffect;
  private final double dealSizeFactor;
  private final String mainProductLine;
  private final double tenderShare;

  Industry(
      String label,
      double marketShare,
      double winEffect,
      double dealSizeFactor,
      String mainProductLine,
      double tenderShare) {
    this.label = label;
    this.marketShare = marketShare;
    this.winEffect = winEffect;
    this.dealSizeFactor = dealSizeFactor;
    this.mainProductLine = mainProductLine;
    this.tenderShare = tenderShare;
  }

  /** The CRM's label. */
  public String label() {
    return label;
  }

  /** Share of the companies in the market. */
  public double marketShare() {
    return marketShare;
  }

  /** Shift of the latent deal quality (logit scale). */
  public double winEffect() {
    return winEffect;
  }

  /** Multiplier of deal amounts. */
  public double dealSizeFactor() {
    return dealSizeFactor;
  }

  /** The product line most deals in this industry are for. */
  public String mainProductLine() {
    return mainProductLine;
  }

  /** Share of deals that go through a formal tender review. */
  public double tenderShare() {
    return tenderShare;
  }
}
