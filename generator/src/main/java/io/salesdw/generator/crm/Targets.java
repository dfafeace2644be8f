package io.salesdw.generator.crm;

import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.org.RepLevel;
import io.salesdw.generator.org.Team;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly sales targets per rep, team and region. Rep quotas follow level, months employed, ramp-up
 * of new hires and seasonality; their sum is set so the year's won amount is the published 75% of
 * target, as sales leaders set quotas above what the pipeline will bring.
 */
public final class Targets {
  /** Published: overall attainment of target. */
  public static final double ATTAINMENT = 0.75;

  private Targets() {}

  /** A target row: level, owner id, month (1-12) and amount in fen. */
  record Target(String level, String ownerId, int month, long amountFen) {}

  static List<Target> targets(World world, List<Opportunity> opportunities) {
    SalesCalendar calendar = world.calendar();
    Organisation organisation = world.organisation();
    double won = 0;
    for (Opportunity opportunity : opportunities) {
      if (!opportunity.deleted && opportunity.won && opportunity.closedAt < calendar.end()) {
        won += opportunity.amountFen;
      }
    }
    List<Rep> reps = organisation.reps();
    double[][] weight = new double[reps.size()][12];
    double total = 0;
    for (Rep rep : reps) {
      if (rep.isManager()) {
        continue;
      }
      double level = rep.level() == RepLevel.L1 ? 0.7 : rep.level() == RepLevel.L2 ? 1.0 : 1.3;
      for (int month = 1; month <= 12; month++) {
        LocalDate first = LocalDate.of(calendar.year(), month, 1);
        long from = calendar.startOfDay((int) (first.toEpochDay() - calendar.date(0).toEpochDay()));
        long to = from + first.lengthOfMonth() * 86_400L;
        double employed =
            Math.max(0, Math.min(to, rep.leftAt()) - Math.max(from, rep.hiredAt()))
                / (double) (to - from);
        double monthsIn = (from - rep.hiredAt()) / (30.0 * 86_400);
        double ramp = monthsIn < 1 ? 0.3 : monthsIn < 2 ? 0.6 : 1.0;
        weight[rep.index()][month - 1] =
            level * employed * ramp * SalesCalendar.monthFactor(Month.of(month));
        total += weight[rep.index()][month - 1];
      }
    }
    double perWeight = total == 0 ? 0 : won / ATTAINMENT / total;
    List<Target> targets = new ArrayList<>();
    long[][] teamTotals = new long[organisation.teams().size()][12];
    long[][] regionTotals = new long[organisation.regions().size()][12];
    for (Rep rep : reps) {
      if (rep.isManager()) {
        continue;
      }
      for (int month = 1; month <= 12; month++) {
        double w = weight[rep.index()][month - 1];
        if (w <= 0) {
          continue;
        }
        // Quotas are set in thousands of yuan.
        long amount = Math.round(w * perWeight / 100_000) * 100_000;
        targets.add(new Target("rep", rep.id(), month, amount));
        LocalDate mid = LocalDate.of(calendar.year(), month, 15);
        int team =
            rep.teamAt(
                calendar.startOfDay((int) (mid.toEpochDay() - calendar.date(0).toEpochDay())));
        teamTotals[team][month - 1] += amount;
        regionTotals[organisation.teams().get(team).regionIndex()][month - 1] += amount;
      }
    }
    for (Team team : organisation.teams()) {
      for (int month = 1; month <= 12; month++) {
        targets.add(new Target("team", team.id(), month, teamTotals[team.index()][month - 1]));
      }
    }
    for (int region = 0; region < organisation.regions().size(); region++) {
      for (int month = 1; month <= 12; month++) {
        targets.add(
            new Target(
                "region",
                organisation.regions().get(region).id(),
                month,
                regionTotals[region][month - 1]));
      }
    }
    return targets;
  }
}
