package io.salesdw.generator.crm;

/**
 * Where leads come from, with the first-touch SLA the CRM sets and the behaviour behind it: how
 * fast reps really respond (log-normal, in minutes), how often a lead is never followed up, and how
 * well the channel converts. Latency medians are set so that only a minority meet the SLA.
 */
public enum Channel {
  WEBSITE_FORM("website_form", "官网表单", 15, 0.28, 1.00, 40, 1.6, 1.0),
  HOTLINE_400("hotline_400", "400热线", 3, 0.14, 0.55, 9, 1.4, 1.3),
  WECOM("wecom", "企业微信", 30, 0.16, 0.80, 50, 1.5, 1.1),
  TRADE_SHOW("trade_show", "展会", 1440, 0.14, 1.30, 2200, 1.0, 0.8),
  REFERRAL("referral", "转介绍", 240, 0.09, 0.45, 150, 1.3, 1.7),
  ADS("ads", "广告投放", 60, 0.19, 1.30, 95, 1.5, 0.7);

  private final String id;
  private final String label;
  private final int slaMinutes;
  private final double share;
  private final double neglectPropensity;
  private final double latencyMedianMinutes;
  private final double latencySigma;
  private final double conversionFactor;

  Channel(
      String id,
      String label,
      int slaMinutes,
      double share,
      double neglectPropensity,
      double latencyMedianMinutes,
      double latencySigma,
      double conversionFactor) {
    this.id = id;
    this.label = label;
    this.slaMinutes = slaMinutes;
    this.share = share;
    this.neglectPropensity = neglectPropensity;
    this.latencyMedianMinutes = latencyMedianMinutes;
    this.latencySigma = latencySigma;
    this.conversionFactor = conversionFactor;
  }

  /** The id in channels.csv. */
  public String id() {
    return id;
  }

  /** The Chinese label the CRM exports. */
  public String label() {
    return label;
  }

  /** The first-touch SLA in minutes. */
  public int slaMinutes() {
    return slaMinutes;
  }

  /** Share of leads from this channel. */
  public double share() {
    return share;
  }

  /** Relative propensity of a lead from this channel to get no follow-up. */
  public double neglectPropensity() {
    return neglectPropensity;
  }

  /** Median first-touch latency in minutes. */
  public double latencyMedianMinutes() {
    return latencyMedianMinutes;
  }

  /** Log-space spread of the first-touch latency. */
  public double latencySigma() {
    return latencySigma;
  }

  /** Relative propensity of a followed-up lead to convert. */
  public double conversionFactor() {
    return conversionFactor;
  }
}
