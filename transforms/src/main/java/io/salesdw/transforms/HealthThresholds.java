package io.salesdw.transforms;

/**
 * The thresholds of the sales health self-check (data-health mart).
 *
 * @param minMqlToSqlRate the least share of MQLs that become SQLs, e.g. 0.25
 * @param maxSalesCycleDays the longest median won-deal cycle, created to won, in days, e.g. 45
 * @param minStageUpdatesOnTime the least share of stage changes made within the due days
 * @param minHighValueCustomerShare the least share of revenue customers that are high-value
 * @param stageUpdateDueDays a stage change counts as on time when the deal sat in its previous
 *     stage at most this many days (a deal left longer is a stale CRM record)
 */
public record HealthThresholds(
    double minMqlToSqlRate,
    double maxSalesCycleDays,
    double minStageUpdatesOnTime,
    double minHighValueCustomerShare,
    int stageUpdateDueDays) {

  /** The thresholds sales operations teams commonly start from. */
  public static final HealthThresholds DEFAULT = new HealthThresholds(0.25, 45, 0.90, 0.30, 30);

  public HealthThresholds {
    if (stageUpdateDueDays <= 0) {
      throw new IllegalArgumentException("stageUpdateDueDays must be positive");
    }
  }
}
