package io.salesdw.generator.crm;

/** Kinds of activity, with the CRM's label, typical duration and chance of an attachment. */
public enum ActivityType {
  VISIT("拜访", 75, 1.5),
  CALL("电话", 8, 0.3),
  WECHAT("微信", 15, 1.0),
  DEMO("演示", 100, 2.6),
  MEETING("会议", 60, 1.8),
  EMAIL("邮件", 10, 1.6);

  private final String label;
  private final int typicalMinutes;
  private final double attachmentPropensity;

  ActivityType(String label, int typicalMinutes, double attachmentPropensity) {
    this.label = label;
    this.typicalMinutes = typicalMinutes;
    this.attachmentPropensity = attachmentPropensity;
  }

  public String label() {
    return label;
  }

  public int typicalMinutes() {
    return typicalMinutes;
  }

  /** Relative chance that an activity of this type has attachments. */
  public double attachmentPropensity() {
    return attachmentPropensity;
  }
}
