package io.salesdw.generator.crm;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Industry;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.random.SystematicSampler;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the year's leads: arrival by channel and season, routing to a rep of the region,
 * claiming, the first touch (or none: the published 44% of leads get no follow-up within 90 days),
 * recycling of neglected leads to the pool, and conversion to opportunities.
 */
public final class LeadSimulation {
  /** Published: share of leads with no follow-up within 90 days of creation. */
  public static final double NO_FOLLOW_UP_SHARE = 0.44;

  /** Days after which an untouched, assigned lead goes back to the pool. */
  static final int RECYCLE_AFTER_DAYS = 30;

  /** Share of leads never assigned (they stay in the pool as 新线索). */
  static final double NEVER_ASSIGNED_SHARE = 0.06;

  /** Share of opportunities that come from converted leads (the rest are opened on accounts). */
  static final double LEAD_SOURCED_OPPORTUNITY_SHARE = 0.78;

  /** Defect rates: leads with the phone, industry or region left empty. */
  public static final double PHONE_MISSING_RATE = 0.025;

  public static final double INDUSTRY_MISSING_RATE = 0.03;
  public static final double REGION_MISSING_RATE = 0.02;

  private static final long MINUTE = 60;
  private static final long DAY = 86_400;

  private LeadSimulation() {}

  /** The leads in creation order (index = rank = id number - 1). */
  public static List<Lead> simulate(World world) {
    SalesCalendar calendar = world.calendar();
    int count = world.volumes().leads();
    Channel[] channels = Channel.values();
    double[] channelWeights = new double[channels.length];
    for (int i = 0; i < channels.length; i++) {
      channelWeights[i] = channels[i].share();
    }
    double[] cumulativeChannels = Distributions.cumulative(channelWeights);
    int[] showDays = tradeShowDays(calendar);

    // Draw arrival first, then number leads in arrival order as the CRM does.
    long[] created = new long[count];
    Channel[] channelOf = new Channel[count];
    Integer[] order = new Integer[count];
    for (int draw = 0; draw < count; draw++) {
      SplittableRandom r = world.random().of(RandomStream.LEAD, draw);
      Channel channel = channels[Distributions.weighted(r, cumulativeChannels)];
      channelOf[draw] = channel;
      created[draw] = arrival(calendar, channel, showDays, r);
      order[draw] = draw;
    }
    Arrays.sort(
        order, Comparator.comparingLong((Integer d) -> created[d]).thenComparingInt(d -> d));

    List<Company> companies = world.market().companies();
    double[] companyWeights = new double[companies.size()];
    for (Company company : companies) {
      // Existing customers send fewer inbound leads than prospects.
      companyWeights[company.index()] = company.isHistoricCustomer() ? 0.35 : 1.0;
    }
    double[] cumulativeCompanies = Distributions.cumulative(companyWeights);

    List<Lead> leads = new ArrayList<>(count);
    for (int rank = 0; rank < count; rank++) {
      int draw = order[rank];
      SplittableRandom r = world.random().of(RandomStream.LEAD, draw, 1);
      Company company = companies.get(Distributions.weighted(r, cumulativeCompanies));
      List<Person> people = world.market().peopleOf(company);
      Person person = people.get(r.nextInt(people.size()));
      Channel channel = channelOf[draw];
      String contact =
          r.nextDouble() < (channel == Channel.HOTLINE_400 ? 0.3 : 0.08)
              ? person.name().surname() + (r.nextBoolean() ? "先生" : "女士")
              : company.englishSpeaking() && r.nextBoolean()
                  ? person.name().english()
                  : person.name().chinese();
      Lead lead =
          new Lead(
              rank,
              "L" + Organisation.pad(rank + 1, 6),
              created[draw],
              channel,
              company.index(),
              person.index(),
              company.regionIndex(),
              company.industry(),
              band(r, company.industry()),
              company.name().render(typedVariant(r, company)),
              contact,
              channel != Channel.HOTLINE_400 ? r.nextDouble() < 0.9 : r.nextDouble() < 0.3);
      SplittableRandom defects = world.random().of(RandomStream.DEFECT, rank, 1);
      lead.phoneMissing = defects.nextDouble() < PHONE_MISSING_RATE;
      lead.industryMissing = defects.nextDouble() < INDUSTRY_MISSING_RATE;
      lead.regionMissing = defects.nextDouble() < REGION_MISSING_RATE;
      leads.add(lead);
    }

    boolean[] neverAssigned = new boolean[count];
    for (Lead lead : leads) {
      SplittableRandom r = world.random().of(RandomStream.LEAD, lead.index, 2);
      neverAssigned[lead.index] = r.nextDouble() < NEVER_ASSIGNED_SHARE;
      if (!neverAssigned[lead.index]) {
        assignFirst(world, lead, r);
      }
    }

    decideFollowUp(world, leads, neverAssigned);
    decideOutcomes(world, leads);
    return leads;
  }

  /** The 44% anchor: neglect is sampled systematically so the share holds in small samples too. */
  private static void decideFollowUp(World world, List<Lead> leads, boolean[] neverAssigned) {
    SalesCalendar calendar = world.calendar();
    long cutoff = calendar.end() - 90 * DAY;
    double eligible = 0;
    double forced = 0;
    double propensity = 0;
    for (Lead lead : leads) {
      if (lead.createdAt <= cutoff) {
        eligible++;
        if (neverAssigned[lead.index]) {
          forced++;
        } else {
          propensity += lead.channel.neglectPropensity();
        }
      }
    }
    double scale = propensity == 0 ? 0 : (NO_FOLLOW_UP_SHARE * eligible - forced) / propensity;
    SystematicSampler sampler =
        new SystematicSampler(world.random().uniform(RandomStream.LEAD_SAMPLING, 0, 0));
    for (Lead lead : leads) {
      double p = neverAssigned[lead.index] ? 1 : scale * lead.channel.neglectPropensity();
      boolean neglected = sampler.next(p);
      if (neverAssigned[lead.index]) {
        continue;
      }
      SplittableRandom r = world.random().of(RandomStream.LEAD, lead.index, 3);
      if (neglected) {
        neglect(world, lead, r);
      } else {
        touch(world, lead, r);
      }
    }
  }

  private static void touch(World world, Lead lead, SplittableRandom r) {
    Channel channel = lead.channel;
    double minutes =
        r.nextDouble() < 0.12
            ? Distributions.logNormalWithMedian(r, 2 * 24 * 60, 1.0)
            : Distributions.logNormalWithMedian(
                r, channel.latencyMedianMinutes(), channel.latencySigma());
    minutes = Math.min(minutes, 80 * 24 * 60);
    long touch = lead.createdAt + Math.max(20, (long) (minutes * MINUTE));
    long notBefore = lead.claimedAt[0] + 10;
    touch = Math.max(touch, notBefore);
    touch = SalesCalendar.snapToWorkingHours(touch, r.nextDouble(), notBefore);
    if (touch < world.calendar().end()) {
      lead.firstTouchAt = touch;
    }
  }

  private static void neglect(World world, Lead lead, SplittableRandom r) {
    SalesCalendar calendar = world.calendar();
    boolean lateTouch = r.nextDouble() < 0.10;
    // The pool job runs nightly: recycling happens in the small hours.
    long recycle = lead.assignedAt[0] + RECYCLE_AFTER_DAYS * DAY + r.nextInt(6 * 3600);
    for (int round = 0; round < 2 && recycle < calendar.end(); round++) {
      lead.recycledAt[lead.recycledAt.length - 1] = recycle;
      if (!lateTouch && r.nextDouble() < 0.45) {
        return;
      }
      long reassigned =
          SalesCalendar.snapToWorkingHours(
              recycle + (long) (Distributions.logNormalWithMedian(r, 5, 0.8) * DAY),
              r.nextDouble(),
              recycle + 3600);
      if (reassigned >= calendar.end()) {
        return;
      }
      Rep rep =
          world.organisation().salesRepFor(lead.regionIndex, reassigned, 120 * DAY, r.nextDouble());
      lead.addAssignment(rep.index(), reassigned, reassigned + 60 + r.nextInt(3600));
      if (lateTouch) {
        long touch = Math.max(lead.createdAt + (95 + r.nextInt(105)) * DAY, reassigned + DAY);
        touch = SalesCalendar.snapToWorkingHours(touch, r.nextDouble(), reassigned + DAY);
        if (touch < calendar.end() && rep.isActive(touch)) {
          lead.firstTouchAt = touch;
        }
        return;
      }
      recycle = reassigned + RECYCLE_AFTER_DAYS * DAY + r.nextInt(6 * 3600);
    }
  }

  private static void assignFirst(World world, Lead lead, SplittableRandom r) {
    double delayMinutes =
        switch (lead.channel) {
          case HOTLINE_400 -> 0.1 + r.nextDouble() * 0.6;
          case WEBSITE_FORM -> Distributions.logNormalWithMedian(r, 4, 1.0);
          case WECOM -> Distributions.logNormalWithMedian(r, 8, 1.0);
          case TRADE_SHOW -> Distributions.logNormalWithMedian(r, 20 * 60, 0.6);
          case REFERRAL -> Distributions.logNormalWithMedian(r, 30, 1.0);
          case ADS -> Distributions.logNormalWithMedian(r, 6, 1.0);
        };
    long assigned = lead.createdAt + Math.max(5, (long) (delayMinutes * MINUTE));
    double claimMinutes =
        lead.channel == Channel.HOTLINE_400
            ? 0.2 + r.nextDouble() * 0.5
            : Distributions.logNormalWithMedian(r, 3, 1.2);
    long claimed = assigned + Math.max(3, (long) (claimMinutes * MINUTE));
    Rep rep =
        world.organisation().salesRepFor(lead.regionIndex, assigned, 120 * DAY, r.nextDouble());
    lead.addAssignment(rep.index(), assigned, claimed);
  }

  private static void decideOutcomes(World world, List<Lead> leads) {
    SalesCalendar calendar = world.calendar();
    long[] candidateAt = new long[leads.size()];
    double propensity = 0;
    for (Lead lead : leads) {
      candidateAt[lead.index] = -1;
      if (lead.firstTouchAt < 0) {
        continue;
      }
      SplittableRandom r = world.random().of(RandomStream.LEAD, lead.index, 4);
      long convert =
          lead.firstTouchAt + (long) (Distributions.logNormalWithMedian(r, 6, 0.9) * DAY);
      convert = SalesCalendar.snapToWorkingHours(convert, r.nextDouble(), lead.firstTouchAt + 600);
      int owner = lead.ownerAt(lead.firstTouchAt);
      if (convert < calendar.end() - 3600
          && world.organisation().reps().get(owner).isActive(convert)) {
        candidateAt[lead.index] = convert;
        propensity += lead.channel.conversionFactor();
      }
    }
    double target = LEAD_SOURCED_OPPORTUNITY_SHARE * world.volumes().opportunities();
    double scale = propensity == 0 ? 0 : target / propensity;
    SystematicSampler sampler =
        new SystematicSampler(world.random().uniform(RandomStream.LEAD_SAMPLING, 1, 0));
    for (Lead lead : leads) {
      SplittableRandom r = world.random().of(RandomStream.LEAD, lead.index, 5);
      if (lead.channel != Channel.HOTLINE_400
          && lead.channel != Channel.REFERRAL
          && lead.channel != Channel.TRADE_SHOW
          && r.nextDouble() < 0.65) {
        lead.mqlAt =
            lead.createdAt + 60 + (long) (Distributions.logNormalWithMedian(r, 30, 1) * MINUTE);
      }
      if (candidateAt[lead.index] < 0) {
        if (lead.firstTouchAt >= 0 && r.nextDouble() < 0.3) {
          long invalid =
              lead.firstTouchAt + (long) (Distributions.logNormalWithMedian(r, 3, 1) * DAY);
          if (invalid < calendar.end()) {
            lead.invalidAt = invalid;
          }
        }
        continue;
      }
      if (sampler.next(Math.min(0.95, scale * lead.channel.conversionFactor()))) {
        lead.convertedAt = candidateAt[lead.index];
        lead.sqlAt =
            lead.firstTouchAt
                + (long) ((lead.convertedAt - lead.firstTouchAt) * (0.3 + 0.6 * r.nextDouble()));
      } else if (r.nextDouble() < 0.35) {
        long invalid =
            lead.firstTouchAt + (long) (Distributions.logNormalWithMedian(r, 4, 1) * DAY);
        if (invalid < calendar.end()) {
          lead.invalidAt = invalid;
        }
      }
    }
  }

  private static long arrival(
      SalesCalendar calendar, Channel channel, int[] showDays, SplittableRandom r) {
    return switch (channel) {
      case TRADE_SHOW -> {
        int day =
            Math.min(calendar.days() - 1, showDays[r.nextInt(showDays.length)] + r.nextInt(3));
        yield calendar.startOfDay(day) + calendar.sampleSecondOfDay(r.nextDouble(), r.nextDouble());
      }
      case WEBSITE_FORM, ADS -> {
        int day = calendar.sampleDay(r.nextDouble());
        // Forms arrive around the clock, more in working hours.
        int second =
            r.nextDouble() < 0.3
                ? r.nextInt(86_400)
                : calendar.sampleSecondOfDay(r.nextDouble(), r.nextDouble());
        yield calendar.startOfDay(day) + second;
      }
      default -> calendar.sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble());
    };
  }

  /** Eight trade-show days a year, spring and autumn seasons, never in a holiday. */
  private static int[] tradeShowDays(SalesCalendar calendar) {
    int[] anchors = {68, 96, 124, 152, 250, 285, 306, 327};
    int[] days = new int[anchors.length];
    for (int i = 0; i < anchors.length; i++) {
      int day = anchors[i];
      while (calendar.isHoliday(day) || !calendar.isWorkday(calendar.date(day))) {
        day++;
      }
      days[i] = day;
    }
    return days;
  }

  private static BudgetBand band(SplittableRandom r, Industry industry) {
    BudgetBand[] bands = BudgetBand.values();
    double[] weights = new double[bands.length];
    for (int i = 0; i < bands.length; i++) {
      weights[i] = bands[i].share();
    }
    if (industry == Industry.TERTIARY_HOSPITAL) {
      weights[0] *= 0.3;
      weights[2] *= 2.5;
      weights[3] *= 3;
    } else if (industry.dealSizeFactor() < 0.8) {
      weights[0] *= 1.5;
      weights[3] *= 0.5;
    }
    return bands[Distributions.weighted(r, Distributions.cumulative(weights))];
  }

  private static CompanyNameVariant typedVariant(SplittableRandom r, Company company) {
    double u = r.nextDouble();
    if (company.englishSpeaking() && u < 0.5) {
      return CompanyNameVariant.ENGLISH;
    }
    if (u < 0.45) {
      return CompanyNameVariant.CANONICAL;
    }
    if (u < 0.75) {
      return CompanyNameVariant.SHORT;
    }
    if (u < 0.85) {
      return CompanyNameVariant.NO_SUFFIX;
    }
    if (u < 0.93) {
      return CompanyNameVariant.NO_CITY;
    }
    if (u < 0.97) {
      return CompanyNameVariant.SPACED;
    }
    return CompanyNameVariant.PINYIN;
  }
}
