package io.salesdw.generator.org;

import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.EntityRandom;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.Cities;
import io.salesdw.generator.text.PersonName;
import io.salesdw.generator.text.PersonNames;
import io.salesdw.generator.text.PhoneNumbers;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.time.TimeText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sales organisation: regions, teams and reps over the year, with leavers, new hires and team
 * transfers. Reps get ids in hiring order, as a CRM's user table would.
 */
public final class Organisation {
  /** Share of sales reps who leave during the year. */
  static final double LEAVER_SHARE = 0.12;

  /** Share of sales reps hired during the year (counted in the year's head count). */
  static final double NEW_HIRE_SHARE = 0.14;

  /** Share of the remaining sales reps who move to another team during the year. */
  static final double TRANSFER_SHARE = 0.08;

  private static final String[] TEAM_NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private final List<Region> regions;
  private final List<Team> teams;
  private final List<Rep> reps;
  private final int[][] salesRepsByRegion;

  private Organisation(List<Region> regions, List<Team> teams, List<Rep> reps) {
    this.regions = List.copyOf(regions);
    this.teams = List.copyOf(teams);
    this.reps = List.copyOf(reps);
    this.salesRepsByRegion = new int[regions.size()][];
    for (Region region : regions) {
      salesRepsByRegion[region.index()] =
          reps.stream()
              .filter(rep -> !rep.isManager())
              .filter(
                  rep ->
                      rep.teamHistory().stream()
                          .anyMatch(m -> teams.get(m.teamIndex()).regionIndex() == region.index()))
              .mapToInt(Rep::index)
              .toArray();
    }
  }

  public List<Region> regions() {
    return regions;
  }

  public List<Team> teams() {
    return teams;
  }

  /** All reps by index (not id order). */
  public List<Rep> reps() {
    return reps;
  }

  /** The rep's region at the instant. */
  public int regionOf(Rep rep, long epochSecond) {
    return teams.get(rep.teamAt(epochSecond)).regionIndex();
  }

  /** The manager of the rep's team at the instant. */
  public Rep managerOf(Rep rep, long epochSecond) {
    return reps.get(teams.get(rep.teamAt(epochSecond)).managerRepIndex());
  }

  /**
   * A sales rep (not a manager) of the region who is employed at the instant and for at least
   * {@code staysFor} seconds more, chosen by {@code u}; falls back to any such rep, then to any
   * employed rep.
   */
  public Rep salesRepFor(int regionIndex, long epochSecond, long staysFor, double u) {
    Rep rep = pick(salesRepsByRegion[regionIndex], regionIndex, epochSecond, staysFor, u);
    if (rep != null) {
      return rep;
    }
    for (int other = 0; other < regions.size(); other++) {
      rep = pick(salesRepsByRegion[other], other, epochSecond, staysFor, u);
      if (rep != null) {
        return rep;
      }
    }
    for (Rep candidate : reps) {
      if (candidate.isActive(epochSecond)) {
        return candidate;
      }
    }
    return reps.get(0);
  }

  private Rep pick(int[] candidates, int regionIndex, long at, long staysFor, double u) {
    int eligible = 0;
    for (int index : candidates) {
      if (eligible(reps.get(index), regionIndex, at, staysFor)) {
        eligible++;
      }
    }
    if (eligible == 0) {
      return null;
    }
    int chosen = Math.min(eligible - 1, (int) (u * eligible));
    for (int index : candidates) {
      Rep rep = reps.get(index);
      if (eligible(rep, regionIndex, at, staysFor) && chosen-- == 0) {
        return rep;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private boolean eligible(Rep rep, int regionIndex, long at, long staysFor) {
    return rep.isActive(at) && rep.leftAt() > at + staysFor && regionOf(rep, at) == regionIndex;
  }

  /** Builds the organisation for the volumes and year. */
  public static Organisation build(Volumes volumes, EntityRandom random, SalesCalendar calendar) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < volumes.regions(); i++) {
      regions.add(new Region(i, "R" + pad(i + 1, 2), Cities.REGION_NAMES.get(i)));
    }
    int[] teamsPerRegion = teamsPerRegion(volumes);
    int teamCount = Arrays.stream(teamsPerRegion).sum();
    int salesReps = volumes.reps() - teamCount;
    if (salesReps < teamCount) {
      throw new IllegalStateException("too few reps for " + teamCount + " teams");
    }

    // Rep "slots": managers first (slot = team), then sales reps spread evenly over the teams.
    SplittableRandom orgRandom = random.of(RandomStream.ORGANISATION, 0);
    int[] order = shuffled(salesReps, orgRandom);
    int leavers = (int) Math.round(LEAVER_SHARE * salesReps);
    int hires = (int) Math.round(NEW_HIRE_SHARE * salesReps);
    int transfers = (int) Math.round(TRANSFER_SHARE * (salesReps - leavers - hires));
    double[] skills = new double[salesReps];
    int[] skillOrder = shuffled(salesReps, orgRandom);
    for (int i = 0; i < salesReps; i++) {
      // Stratified quantiles: the spread of skill is the same at every scale.
      skills[i] = Distributions.normalQuantile((skillOrder[i] + 0.5) / salesReps);
    }

    List<RepDraft> drafts = new ArrayList<>();
    for (int team = 0; team < teamCount; team++) {
      SplittableRandom r = random.of(RandomStream.REP, team);
      double tenureYears = 3 + r.nextDouble() * 7;
      LocalDate hire = calendar.date(0).minusDays((long) (tenureYears * 365));
      drafts.add(new RepDraft(team, hire, Optional.empty(), -1, 0, r));
    }
    for (int s = 0; s < salesReps; s++) {
      SplittableRandom r = random.of(RandomStream.REP, teamCount + s);
      int team = s % teamCount;
      int role = order[s];
      LocalDate hire;
      Optional<LocalDate> leave = Optional.empty();
      long transferAt = -1;
      int transferTeam = team;
      if (role < hires) {
        hire = calendar.date(calendar.sampleDay(r.nextDouble(), 9, 300));
      } else {
        double tenureYears = Math.max(0.2, Distributions.logNormalWithMedian(r, 2.5, 0.7));
        hire = calendar.date(0).minusDays((long) (tenureYears * 365));
        if (role < hires + leavers) {
          leave = Optional.of(calendar.date(calendar.sampleDay(r.nextDouble(), 31, 350)));
        } else if (role < hires + leavers + transfers) {
          int day = calendar.sampleDay(r.nextDouble(), 59, 334);
          transferAt = calendar.startOfDay(day) + 9 * 3600;
          transferTeam = (team + 1 + r.nextInt(teamCount - 1)) % teamCount;
        }
      }
      drafts.add(new RepDraft(team, hire, leave, transferAt, transferTeam, r));
      drafts.get(drafts.size() - 1).skill = skills[s];
    }

    // Ids in hiring order (ties by slot), as the CRM assigned them.
    Integer[] byHire = new Integer[drafts.size()];
    for (int i = 0; i < byHire.length; i++) {
      byHire[i] = i;
    }
    Arrays.sort(
        byHire, Comparator.comparing((Integer i) -> drafts.get(i).hire).thenComparingInt(i -> i));
    String[] ids = new String[drafts.size()];
    for (int rank = 0; rank < byHire.length; rank++) {
      ids[byHire[rank]] = "REP" + pad(rank + 1, 4);
    }

    Map<String, Integer> loginCounts = new HashMap<>();
    List<Rep> reps = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      RepDraft draft = drafts.get(i);
      SplittableRandom r = draft.random;
      PersonName name = PersonNames.random(r);
      String login = name.login();
      int seen = loginCounts.merge(login, 1, Integer::sum);
      String unique = seen == 1 ? login : login + seen;
      boolean manager = i < teamCount;
      long hiredAt = TimeText.chinaStartOfDay(draft.hire) + 9 * 3600;
      long leftAt =
          draft
              .leave
              .map(date -> TimeText.chinaStartOfDay(date) + 18 * 3600)
              .orElse(Long.MAX_VALUE);
      List<Rep.TeamMembership> history = new ArrayList<>();
      history.add(new Rep.TeamMembership(Math.min(hiredAt, calendar.start()), draft.team));
      if (draft.transferAt > 0) {
        history.add(new Rep.TeamMembership(draft.transferAt, draft.transferTeam));
      }
      double tenure = (calendar.end() - hiredAt) / (365.0 * 86_400);
      RepLevel level =
          manager
              ? RepLevel.M1
              : tenure < 1.5 ? RepLevel.L1 : tenure < 4 ? RepLevel.L2 : RepLevel.L3;
      String wecom =
          name.surnamePinyin() + name.givenPinyin() + (seen == 1 ? "" : Integer.toString(seen));
      reps.add(
          new Rep(
              i,
              ids[i],
              name,
              level,
              draft.hire,
              draft.leave,
              hiredAt,
              leftAt,
              history,
              manager ? 0 : draft.skill,
              r.nextDouble() < 0.12,
              PhoneNumbers.mobile(r),
              unique + "@ruiyun.cn",
              wecom));
    }

    List<Team> teams = new ArrayList<>();
    int team = 0;
    for (int region = 0; region < teamsPerRegion.length; region++) {
      for (int k = 0; k < teamsPerRegion[region]; k++) {
        String name =
            regions.get(region).name()
                + TEAM_NUMERALS[k % TEAM_NUMERALS.length]
                + (k >= 10 ? Integer.toString(k / 10 + 1) : "")
                + "组";
        teams.add(new Team(team, "T" + pad(team + 1, 3), name, region, team));
        team++;
      }
    }
    return new Organisation(regions, teams, reps);
  }

  /** Every region gets a team; the rest follow market weights by largest remainder. */
  private static int[] teamsPerRegion(Volumes volumes) {
    int regions = volumes.regions();
    int[] counts = new int[regions];
    Arrays.fill(counts, 1);
    int remaining = volumes.teams() - regions;
    double total = 0;
    for (int i = 0; i < regions; i++) {
      total += Cities.REGION_WEIGHTS.get(i);
    }
    double[] remainders = new double[regions];
    int assigned = 0;
    for (int i = 0; i < regions; i++) {
      double share = remaining * Cities.REGION_WEIGHTS.get(i) / total;
      counts[i] += (int) Math.floor(share);
      assigned += (int) Math.floor(share);
      remainders[i] = share - Math.floor(share);
    }
    for (int k = assigned; k < remaining; k++) {
      int best = 0;
      for (int i = 1; i < regions; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    return counts;
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  /** Zero-padded decimal of at least {@code width} digits. */
  public static String pad(long value, int width) {
    return TimeText.appendPadded(new StringBuilder(width + 2), value, width).toString();
  }

  private static final class RepDraft {
    final int team;
    final LocalDate hire;
    final Optional<LocalDate> leave;
    final long transferAt;
    final int transferTeam;
    final SplittableRandom random;
    double skill;

    RepDraft(
        int team,
        LocalDate hire,
        Optional<LocalDate> leave,
        long transferAt,
        int transferTeam,
        SplittableRandom random) {
      this.team = team;
      this.hire = hire;
      this.leave = leave;
      this.transferAt = transferAt;
      this.transferTeam = transferTeam;
      this.random = random;
    }
  }
}
