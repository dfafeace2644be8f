package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/**
 * How the gold layer is built: the business time zone that dates and months are taken in, the
 * fiscal calendar, the commission rules and the health-check thresholds.
 */
public record TransformConfig(
    ZoneId businessZone,
    FiscalCalendar fiscalCalendar,
    CommissionRules commissionRules,
    HealthThresholds healthThresholds) {

  /** The business time zone of the generated organisation and of most users: China. */
  public static final ZoneId DEFAULT_BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  public TransformConfig {
    requireNonNull(businessZone, "businessZone is null");
    requireNonNull(fiscalCalendar, "fiscalCalendar is null");
    requireNonNull(commissionRules, "commissionRules is null");
    requireNonNull(healthThresholds, "healthThresholds is null");
  }

  /** China time, calendar fiscal years with Monday weeks, default commission and thresholds. */
  public static TransformConfig defaults() {
    return new TransformConfig(
        DEFAULT_BUSINESS_ZONE,
        FiscalCalendar.CALENDAR_YEAR,
        CommissionRules.DEFAULT,
        HealthThresholds.DEFAULT);
  }

  /** This configuration with another fiscal calendar. */
  public TransformConfig withFiscalCalendar(FiscalCalendar calendar) {
    return new TransformConfig(businessZone, calendar, commissionRules, healthThresholds);
  }
}
