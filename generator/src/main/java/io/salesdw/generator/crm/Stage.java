package io.salesdw.generator.crm;

/**
 * The open stages of an opportunity in order, with the published conversion to the next stage and
 * mean dwell (industry surveys of Chinese B2B sales teams) for the first four; the last stage's
 * figures are this generator's own choice.
 */
public enum Stage {
  INITIAL_CONTACT("初次接触", "initial_contact", 0.89, 2.1),
  NEEDS_CONFIRMED("需求确认", "needs_confirmed", 0.63, 5.7),
  SOLUTION_DEMO("方案演示", "solution_demo", 0.76, 4.3),
  QUOTE_NEGOTIATION("报价谈判", "quote_negotiation", 0.42, 8.9),
  CONTRACT_APPROVAL("合同审批", "contract_approval", 0.85, 6.0);

  /** Label of the won outcome. */
  public static final String WON = "赢单";

  /** Label of the lost outcome. */
  public static final String LOST = "丢单";

  private final String label;
  private final String code;
  private final double conversion;
  private final double meanDwellDays;

  Stage(String label, String code, double conversion, double meanDwellDays) {
    this.label = label;
    this.code = code;
    this.conversion = conversion;
    this.meanDwellDays = meanDwellDays;
  }

  /** The CRM's Chinese label. */
  public String label() {
    return label;
  }

  /** English snake_case code (ground-truth column names). */
  public String code() {
    return code;
  }

  /** Share of opportunities leaving this stage that move on (to the next stage or to won). */
  public double conversion() {
    return conversion;
  }

  /** Mean days spent in this stage before leaving it. */
  public double meanDwellDays() {
    return meanDwellDays;
  }
}
