package io.salesdw.generator.crm;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Industry;
import io.salesdw.generator.market.ProductCatalog;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.random.SystematicSampler;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the opportunities: creation from converted leads and on existing accounts, a latent
 * deal quality (rep skill, industry, deal size, evidence), stage-by-stage advance with each deal's
 * own probability — calibrated so the average conversions are the published ones — dwell times with
 * the published means, the won amount (calibrated so top reps' deals are about 53% bigger), and
 * owner hand-over when a rep leaves.
 */
public final class OpportunitySimulation {
  /** Published: top 20% of reps by won amount have this ratio of average won deal value. */
  public static final double TOP_REP_DEAL_VALUE_RATIO = 1.53;

  /** Share of opportunities created by mistake and deleted within days. */
  static final double DELETED_SHARE = 0.015;

  /** Slope of the advance log-odds on latent quality. */
  static final double QUALITY_SLOPE = 1.0;

  /** Log-space spread of dwell times. */
  static final double DWELL_SIGMA = 0.75;

  /** Log-space spread of deal amounts within a budget band. */
  static final double AMOUNT_SIGMA = 0.3;

  /**
   * Shift of deal quality by region (in the order of Cities.REGION_NAMES): the mature eastern and
   * southern markets close better than the north-west and north-east.
   */
  private static final double[] REGION_WIN_EFFECTS = {0.15, 0.10, 0.0, -0.10, -0.05, -0.25, -0.20};

  private static final String[] LOST_REASONS = {"价格", "竞品", "预算不足", "需求变化", "无回应", "时机不对"};

  private static final long DAY = 86_400;

  private OpportunitySimulation() {}

  /** The opportunities in id order, deleted ones included. */
  public static List<Opportunity> simulate(World world, List<Lead> leads, AccountBook book) {
    SalesCalendar calendar = world.calendar();
    Organisation organisation = world.organisation();
    List<Draft> drafts = new ArrayList<>();
    for (Lead lead : leads) {
      if (lead.convertedAt >= 0) {
        int[] accounts = book.accountsOf(lead.companyIndex);
        int account = accounts[0];
        SplittableRandom r = world.random().of(RandomStream.OPPORTUNITY, lead.index, 1);
        if (accounts.length > 1
            && book.accounts().get(accounts[1]).createdAt <= lead.convertedAt
            && r.nextDouble() < 0.25) {
          account = accounts[1];
        }
        drafts.add(
            new Draft(
                lead.convertedAt,
                lead.index,
                account,
                lead.ownerAt(lead.convertedAt),
                lead.band,
                false,
                0));
      }
    }
    int direct = Math.max(0, world.volumes().opportunities() - drafts.size());
    List<Account> accounts = book.accounts();
    double[] accountWeights = new double[accounts.size()];
    for (Account account : accounts) {
      Company company = world.market().companies().get(account.companyIndex);
      accountWeights[account.index] =
          (company.isHistoricCustomer() ? 3.0 : 1.0) * (account.duplicateOf >= 0 ? 0.4 : 1.0);
    }
    double[] cumulativeAccounts = Distributions.cumulative(accountWeights);
    int deleted = (int) Math.round(DELETED_SHARE * (drafts.size() + direct));
    for (int i = 0; i < direct + deleted; i++) {
      SplittableRandom r = world.random().of(RandomStream.OPPORTUNITY, -1 - i, 1);
      long created = calendar.sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble());
      int account = Distributions.weighted(r, cumulativeAccounts);
      for (int attempt = 0; attempt < 20 && accounts.get(account).createdAt > created; attempt++) {
        account = Distributions.weighted(r, cumulativeAccounts);
      }
      if (accounts.get(account).createdAt > created) {
        created = accounts.get(account).createdAt + 3600;
      }
      Account chosen = accounts.get(account);
      Company company = world.market().companies().get(chosen.companyIndex);
      Rep owner = organisation.reps().get(chosen.ownerAt(created));
      if (owner.isManager() || !owner.isActive(created) || owner.leftAt() < created + 30 * DAY) {
        owner = organisation.salesRepFor(company.regionIndex(), created, 30 * DAY, r.nextDouble());
      }
      boolean isDeleted = i >= direct;
      drafts.add(
          new Draft(
              created,
              -1,
              account,
              owner.index(),
              directBand(r, company.industry()),
              isDeleted,
              isDeleted ? created + (1 + r.nextInt(10)) * DAY : 0));
    }
    drafts.sort(
        Comparator.comparingLong(Draft::created)
            .thenComparingInt(Draft::lead)
            .thenComparingInt(Draft::account));

    List<Opportunity> opportunities = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft draft = drafts.get(i);
      SplittableRandom r = world.random().of(RandomStream.OPPORTUNITY, i);
      Account account = accounts.get(draft.account);
      Company company = world.market().companies().get(account.companyIndex);
      Opportunity opportunity =
          new Opportunity(
              i,
              "O" + Organisation.pad(i + 1, 6),
              draft.lead,
              draft.account,
              account.companyIndex,
              draft.created,
              productLine(r, company.industry()),
              draft.band,
              company.industry(),
              draft.owner,
              draft.deleted,
              draft.deletedAt);
      opportunity.budgetApproved = r.nextDouble() < 0.35;
      opportunity.trialSigned =
          r.nextDouble() < (company.industry() == Industry.SAAS ? 0.35 : 0.18);
      opportunity.inTender = r.nextDouble() < company.industry().tenderShare();
      opportunity.needType = r.nextInt(6);
      Rep owner = organisation.reps().get(draft.owner);
      opportunity.quality =
          0.55 * owner.skill()
              + company.industry().winEffect()
              + REGION_WIN_EFFECTS[company.regionIndex()]
              + draft.band.winEffect()
              + (opportunity.budgetApproved ? 0.9 : 0)
              + (opportunity.trialSigned ? 0.7 : 0)
              + (opportunity.inTender ? 0.3 : 0)
              + 0.7 * r.nextGaussian();
      opportunity.baseAmountYuan =
          draft.band.medianYuan()
              * company.industry().dealSizeFactor()
              * Math.exp(AMOUNT_SIGMA * r.nextGaussian());
      opportunities.add(opportunity);
      if (draft.lead >= 0) {
        leads.get(draft.lead).opportunityIndex = i;
      }
    }

    simulateStages(world, opportunities);
    handOver(world, opportunities);
    calibrateAmounts(world, opportunities);
    return List.copyOf(opportunities);
  }

  /**
   * Stage by stage: solve the intercept so the mean advance probability of the deals reaching the
   * stage is the published conversion, then let deals advance by systematic sampling in id order.
   */
  private static void simulateStages(World world, List<Opportunity> opportunities) {
    List<Opportunity> arriving = new ArrayList<>();
    for (Opportunity opportunity : opportunities) {
      if (!opportunity.deleted) {
        arriving.add(opportunity);
        opportunity.enteredAt[0] = opportunity.createdAt;
      }
    }
    for (int k = 0; k < Opportunity.STAGES.length; k++) {
      Stage stage = Opportunity.STAGES[k];
      double intercept = solveIntercept(arriving, stage.conversion());
      // Every deal gets every stage's probability, so its true win probability is known upfront.
      for (Opportunity opportunity : opportunities) {
        opportunity.advanceProbability[k] =
            Distributions.logistic(intercept + QUALITY_SLOPE * opportunity.quality);
      }
      SystematicSampler sampler =
          new SystematicSampler(world.random().uniform(RandomStream.OPPORTUNITY_SAMPLING, k, 0));
      double dwellOffset = world.random().uniform(RandomStream.OPPORTUNITY_SAMPLING, k, 1);
      List<Opportunity> next = new ArrayList<>();
      for (int n = 0; n < arriving.size(); n++) {
        Opportunity opportunity = arriving.get(n);
        double dwellDays =
            Distributions.logNormalQuantile(
                Distributions.weyl(dwellOffset, n), stage.meanDwellDays(), DWELL_SIGMA);
        long entered = opportunity.enteredAt[k];
        long left = entered + Math.max(600, (long) (dwellDays * DAY));
        double u = world.random().uniform(RandomStream.OPPORTUNITY, opportunity.index, 100 + k);
        left = SalesCalendar.snapToWorkingHours(left, u, entered + 300);
        opportunity.lastStage = k;
        if (sampler.next(opportunity.advanceProbability[k])) {
          if (k + 1 < Opportunity.STAGES.length) {
            opportunity.enteredAt[k + 1] = left;
            next.add(opportunity);
          } else {
            opportunity.won = true;
            opportunity.closedAt = left;
          }
        } else {
          opportunity.won = false;
          opportunity.closedAt = left;
          opportunity.lostReason = lostReason(world, opportunity, k);
        }
      }
      arriving = next;
    }
  }

  private static double solveIntercept(List<Opportunity> arriving, double target) {
    if (arriving.isEmpty()) {
      return Distributions.logit(target);
    }
    double low = -20;
    double high = 20;
    for (int iteration = 0; iteration < 60; iteration++) {
      double mid = (low + high) / 2;
      double sum = 0;
      for (Opportunity opportunity : arriving) {
        sum += Distributions.logistic(mid + QUALITY_SLOPE * opportunity.quality);
      }
      if (sum / arriving.size() < target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  private static String lostReason(World world, Opportunity opportunity, int stage) {
    SplittableRandom r = world.random().of(RandomStream.OPPORTUNITY, opportunity.index, 200);
    double[] weights =
        stage <= 1
            ? new double[] {0.10, 0.12, 0.20, 0.18, 0.28, 0.12}
            : new double[] {0.34, 0.30, 0.12, 0.08, 0.06, 0.10};
    return LOST_REASONS[Distributions.weighted(r, Distributions.cumulative(weights))];
  }

  /** A rep who leaves hands open deals to the team manager the day after. */
  private static void handOver(World world, List<Opportunity> opportunities) {
    Organisation organisation = world.organisation();
    for (Opportunity opportunity : opportunities) {
      Rep owner = organisation.reps().get(opportunity.originalOwner);
      long end = opportunity.deleted ? opportunity.deletedAt : opportunity.closedAt;
      if (owner.leftAt() < world.calendar().end() && owner.leftAt() < end) {
        opportunity.successorOwner = organisation.managerOf(owner, owner.leftAt() - 1).index();
        opportunity.successorAt = owner.leftAt() + 3600;
      }
    }
  }

  /**
   * Deal sizes are a trait of the rep: each rep's deals are scaled by one factor so that the rep's
   * average won deal is G·exp(κ·skill), G being the average won deal before scaling. Chance alone
   * (a couple of lucky big wins among a dozen) would otherwise decide who looks like a top rep in
   * small organisations. κ is the smallest value for which the top 20% of reps by won amount have
   * the published 1.53 times the average won deal value of the others; the ratio is 1 at κ = 0 and
   * grows with κ.
   */
  private static void calibrateAmounts(World world, List<Opportunity> opportunities) {
    long end = world.calendar().end();
    List<Rep> reps = world.organisation().reps();
    double[] wonBase = new double[reps.size()];
    int[] wonCount = new int[reps.size()];
    double totalBase = 0;
    int totalWon = 0;
    for (Opportunity opportunity : opportunities) {
      if (!opportunity.deleted && opportunity.won && opportunity.closedAt < end) {
        int owner = opportunity.ownerAt(end);
        wonBase[owner] += opportunity.baseAmountYuan;
        wonCount[owner]++;
        totalBase += opportunity.baseAmountYuan;
        totalWon++;
      }
    }
    double average = totalWon == 0 ? 1 : totalBase / totalWon;
    double kappa = 0;
    for (int step = 0; step <= 400; step++) {
      kappa = step * 0.005;
      if (designedRatio(reps, wonCount, average, kappa) >= TOP_REP_DEAL_VALUE_RATIO) {
        break;
      }
    }
    double[] factor = new double[reps.size()];
    for (Rep rep : reps) {
      double designed = average * Math.exp(kappa * rep.skill());
      factor[rep.index()] =
          wonCount[rep.index()] > 0
              ? designed / (wonBase[rep.index()] / wonCount[rep.index()])
              : designed / average;
    }
    for (Opportunity opportunity : opportunities) {
      double yuan = opportunity.baseAmountYuan * factor[opportunity.ownerAt(end)];
      opportunity.amountFen = Math.max(50, Math.round(yuan / 100)) * 100 * 100;
    }
  }

  /** The top-20% ratio if every rep's average won deal were exactly G·exp(κ·skill). */
  private static double designedRatio(
      List<Rep> reps, int[] wonCount, double average, double kappa) {
    List<Rep> winners = reps.stream().filter(rep -> wonCount[rep.index()] > 0).toList();
    if (winners.size() < 2) {
      return TOP_REP_DEAL_VALUE_RATIO;
    }
    double[] total = new double[reps.size()];
    for (Rep rep : winners) {
      total[rep.index()] = wonCount[rep.index()] * average * Math.exp(kappa * rep.skill());
    }
    List<Rep> ranked =
        winners.stream()
            .sorted(
                Comparator.comparingDouble((Rep rep) -> -total[rep.index()]).thenComparing(Rep::id))
            .toList();
    int top = (int) Math.ceil(0.2 * ranked.size());
    double topAmount = 0;
    double restAmount = 0;
    int topCount = 0;
    int restCount = 0;
    for (int rank = 0; rank < ranked.size(); rank++) {
      Rep rep = ranked.get(rank);
      if (rank < top) {
        topAmount += total[rep.index()];
        topCount += wonCount[rep.index()];
      } else {
        restAmount += total[rep.index()];
        restCount += wonCount[rep.index()];
      }
    }
    return (topAmount / topCount) / (restAmount / restCount);
  }

  private static String productLine(SplittableRandom r, Industry industry) {
    double u = r.nextDouble();
    if (u < 0.75) {
      return industry.mainProductLine();
    }
    if (u < 0.9) {
      return "PL06";
    }
    return ProductCatalog.LINES.get(r.nextInt(ProductCatalog.LINES.size())).code();
  }

  private static BudgetBand directBand(SplittableRandom r, Industry industry) {
    double u = r.nextDouble();
    double bigShift = industry == Industry.TERTIARY_HOSPITAL ? 0.15 : 0;
    if (u < 0.36 - bigShift) {
      return BudgetBand.UNDER_100K;
    }
    if (u < 0.76 - bigShift) {
      return BudgetBand.FROM_100K;
    }
    if (u < 0.94 - bigShift / 2) {
      return BudgetBand.FROM_500K;
    }
    return BudgetBand.OVER_2M;
  }

  private record Draft(
      long created,
      int lead,
      int account,
      int owner,
      BudgetBand band,
      boolean deleted,
      long deletedAt) {}
}
