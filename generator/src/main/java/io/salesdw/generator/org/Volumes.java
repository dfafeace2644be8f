package io.salesdw.generator.org;

/**
 * How many of each entity a scale gives. Scale 1 is one year of a 150-rep organisation; counts grow
 * linearly with the scale, with floors so that tiny scales still have a working organisation.
 */
public record Volumes(
    double scale,
    int regions,
    int teams,
    int reps,
    int companies,
    int historicCustomers,
    int leads,
    int opportunities,
    int activities,
    int chatMessages) {

  /** Reps at scale 1. */
  public static final int REPS_AT_SCALE_ONE = 150;

  /** Leads at scale 1. */
  public static final int LEADS_AT_SCALE_ONE = 50_000;

  /** Opportunities at scale 1. */
  public static final int OPPORTUNITIES_AT_SCALE_ONE = 12_000;

  /** Activities at scale 1. */
  public static final int ACTIVITIES_AT_SCALE_ONE = 400_000;

  /** Chat messages at scale 1. */
  public static final int CHAT_MESSAGES_AT_SCALE_ONE = 1_500_000;

  /** Companies in the market at scale 1 (prospects and customers). */
  public static final int COMPANIES_AT_SCALE_ONE = 20_000;

  /** ERP customers acquired before the simulated year, at scale 1. */
  public static final int HISTORIC_CUSTOMERS_AT_SCALE_ONE = 2_500;

  /** Reps per team, the team manager included. */
  private static final int TEAM_SIZE = 7;

  /** The volumes for a scale in (0, 10]. */
  public static Volumes forScale(double scale) {
    int reps = Math.max(8, (int) Math.round(REPS_AT_SCALE_ONE * scale));
    int teams = Math.max(2, (reps + TEAM_SIZE - 1) / TEAM_SIZE);
    int regions = scale >= 1 ? 7 : Math.max(2, Math.min(5, teams));
    return new Volumes(
        scale,
        regions,
        Math.max(teams, regions),
        reps,
        Math.max(300, (int) Math.round(COMPANIES_AT_SCALE_ONE * scale)),
        Math.max(30, (int) Math.round(HISTORIC_CUSTOMERS_AT_SCALE_ONE * scale)),
        Math.max(400, (int) Math.round(LEADS_AT_SCALE_ONE * scale)),
        Math.max(100, (int) Math.round(OPPORTUNITIES_AT_SCALE_ONE * scale)),
        Math.max(3_000, (int) Math.round(ACTIVITIES_AT_SCALE_ONE * scale)),
        Math.max(10_000, (int) Math.round(CHAT_MESSAGES_AT_SCALE_ONE * scale)));
  }
}
