package io.salesdw.generator.crm;

import io.salesdw.generator.org.Rep;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weekly forecast submissions. Reps shift the true odds up on the log-odds scale by a personal
 * optimism; its mean is solved so the probability-weighted forecast exceeds the won amount of the
 * same lines by the published 40%. Managers score the same lines with noise but no bias.
 */
public final class Forecasts {
  /** Published: rep forecasts exceed actual won amounts by about 40%. */
  public static final double REP_OVER_CONFIDENCE = 0.40;

  /** Share of lines without a manager score. */
  static final double MANAGER_SCORE_MISSING = 0.20;

  private Forecasts() {}

  /** The submissions in submission order (ids follow it). */
  static List<ForecastSubmission> submissions(World world, List<Opportunity> opportunities) {
    SalesCalendar calendar = world.calendar();
    List<Rep> reps = world.organisation().reps();
    double[] repNoise = new double[reps.size()];
    for (Rep rep : reps) {
      SplittableRandom r = world.random().of(RandomStream.FORECAST, rep.index(), 1);
      repNoise[rep.index()] = 0.35 * r.nextGaussian() - 0.1 * rep.skill();
    }
    List<Long> mondays = new ArrayList<>();
    LocalDate day = calendar.date(0);
    while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
      day = day.plusDays(1);
    }
    for (; day.getYear() == calendar.year(); day = day.plusDays(7)) {
      if (!calendar.isHoliday((int) (day.toEpochDay() - calendar.date(0).toEpochDay()))) {
        mondays.add(calendar.startOfDay((int) (day.toEpochDay() - calendar.date(0).toEpochDay())));
      }
    }

    record Line(
        int opportunity,
        int rep,
        long submittedAt,
        long weekStart,
        int stage,
        double truth,
        double managerNoise,
        boolean manager) {}
    List<Line> lines = new ArrayList<>();
    for (Opportunity opportunity : opportunities) {
      if (opportunity.deleted || opportunity.lastStage < 2) {
        continue;
      }
      for (long monday : mondays) {
        SplittableRandom r = world.random().of(RandomStream.FORECAST, opportunity.index, monday);
        long submitted = monday + 9 * 3600 + r.nextInt(3 * 3600);
        if (submitted < opportunity.enteredAt[2]
            || opportunity.closedBy(submitted)
            || submitted >= calendar.end()) {
          continue;
        }
        int owner = opportunity.ownerAt(submitted);
        if (!reps.get(owner).isActive(submitted)) {
          continue;
        }
        int stage = opportunity.stageAt(submitted);
        lines.add(
            new Line(
                opportunity.index,
                owner,
                submitted,
                monday,
                stage,
                opportunity.winProbabilityFrom(stage),
                0.5 * r.nextGaussian(),
                r.nextDouble() >= MANAGER_SCORE_MISSING));
      }
    }
    lines.sort(
        Comparator.comparingLong(Line::submittedAt)
            .thenComparingInt(Line::rep)
            .thenComparingInt(Line::opportunity));

    // Solve the mean optimism on the lines whose outcome is known by the year end.
    double low = -2;
    double high = 4;
    for (int iteration = 0; iteration < 50; iteration++) {
      double mid = (low + high) / 2;
      double forecast = 0;
      double actual = 0;
      for (Line line : lines) {
        Opportunity opportunity = opportunities.get(line.opportunity);
        if (!opportunity.closedBy(calendar.end() - 1)) {
          continue;
        }
        double amount = opportunity.amountFen;
        forecast += repProbability(line.truth, mid + repNoise[line.rep]) * amount;
        actual += opportunity.won ? amount : 0;
      }
      if (actual == 0 || forecast / actual - 1 < REP_OVER_CONFIDENCE) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double optimism = (low + high) / 2;
    List<ForecastSubmission> submissions = new ArrayList<>(lines.size());
    for (Line line : lines) {
      Opportunity opportunity = opportunities.get(line.opportunity);
      double manager =
          round2(
              Math.min(
                  0.99,
                  Math.max(
                      0.01,
                      Distributions.logistic(
                          Distributions.logit(clamp(line.truth)) + line.managerNoise))));
      submissions.add(
          new ForecastSubmission(
              line.opportunity,
              line.rep,
              line.submittedAt,
              line.weekStart,
              line.stage,
              line.truth,
              repProbability(line.truth, optimism + repNoise[line.rep]),
              manager,
              line.manager,
              CrmRows.expectedClose(opportunity, line.submittedAt)));
    }
    return submissions;
  }

  /** The rep's stated probability: log-odds shifted by optimism, rounded to 2 places. */
  static double repProbability(double truth, double optimism) {
    return round2(
        Math.min(
            0.99,
            Math.max(0.05, Distributions.logistic(Distributions.logit(clamp(truth)) + optimism))));
  }

  private static double clamp(double p) {
    return Math.min(0.999, Math.max(0.001, p));
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
