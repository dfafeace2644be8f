package io.salesdw.generator.crm;

import io.salesdw.generator.market.Person;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.random.SystematicSampler;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The year's activities in compact columns (there are hundreds of thousands): first touches and
 * follow-ups of leads, work on each stage of each opportunity, and account care filling the rest of
 * the reps' time. Texts are derived from the index when written, so they need no memory here.
 */
public final class Activities {
  /** Published: share of visit notes (activity summaries) under 15 characters. */
  public static final double SHORT_NOTE_SHARE = 0.47;

  /** Published: share of activities with no attachment. */
  public static final double NO_ATTACHMENT_SHARE = 0.83;

  /** Context of an activity: a lead, account care, or the stage index of an opportunity. */
  public static final byte CONTEXT_LEAD = -1;

  public static final byte CONTEXT_ACCOUNT = -2;

  private static final long DAY = 86_400;

  int size;
  byte[] type;
  byte[] context;
  int[] rep;
  int[] account;
  int[] contact;
  int[] lead;
  int[] opportunity;
  int[] person;
  long[] startedAt;
  boolean[] shortNote;
  boolean[] attachment;

  private Activities(int capacity) {
    type = new byte[capacity];
    context = new byte[capacity];
    rep = new int[capacity];
    account = new int[capacity];
    contact = new int[capacity];
    lead = new int[capacity];
    opportunity = new int[capacity];
    person = new int[capacity];
    startedAt = new long[capacity];
  }

  public int size() {
    return size;
  }

  public ActivityType type(int i) {
    return ActivityType.values()[type[i]];
  }

  public int rep(int i) {
    return rep[i];
  }

  /** The market person the activity was with, or -1. */
  public int person(int i) {
    return person[i];
  }

  public long startedAt(int i) {
    return startedAt[i];
  }

  public int opportunity(int i) {
    return opportunity[i];
  }

  public int lead(int i) {
    return lead[i];
  }

  public int account(int i) {
    return account[i];
  }

  /** The opportunity stage index, or -1 for a lead, -2 for account care. */
  public int context(int i) {
    return context[i];
  }

  private void add(
      ActivityType activityType,
      byte activityContext,
      int activityRep,
      int activityAccount,
      int activityContact,
      int activityLead,
      int activityOpportunity,
      int activityPerson,
      long at) {
    if (size == type.length) {
      int capacity = size * 3 / 2 + 16;
      type = Arrays.copyOf(type, capacity);
      context = Arrays.copyOf(context, capacity);
      rep = Arrays.copyOf(rep, capacity);
      account = Arrays.copyOf(account, capacity);
      contact = Arrays.copyOf(contact, capacity);
      lead = Arrays.copyOf(lead, capacity);
      opportunity = Arrays.copyOf(opportunity, capacity);
      person = Arrays.copyOf(person, capacity);
      startedAt = Arrays.copyOf(startedAt, capacity);
    }
    type[size] = (byte) activityType.ordinal();
    context[size] = activityContext;
    rep[size] = activityRep;
    account[size] = activityAccount;
    contact[size] = activityContact;
    lead[size] = activityLead;
    opportunity[size] = activityOpportunity;
    person[size] = activityPerson;
    startedAt[size] = at;
    size++;
  }

  /** Plans every activity of the year and sorts them by start time (ids follow that order). */
  public static Activities plan(
      World world, List<Lead> leads, AccountBook book, List<Opportunity> opportunities) {
    Activities activities = new Activities(world.volumes().activities() + 1024);
    SalesCalendar calendar = world.calendar();
    Organisation organisation = world.organisation();
    List<Person> people = world.market().people();
    for (Lead lead : leads) {
      if (lead.firstTouchAt < 0) {
        continue;
      }
      SplittableRandom r = world.random().of(RandomStream.ACTIVITY, lead.index, 1);
      Person person = people.get(lead.personIndex);
      long end =
          lead.convertedAt >= 0
              ? lead.convertedAt
              : lead.invalidAt >= 0 ? lead.invalidAt : lead.firstTouchAt + 25 * DAY;
      int followUps = Distributions.poisson(r, 1.3);
      for (int k = 0; k <= followUps; k++) {
        long at =
            k == 0
                ? lead.firstTouchAt
                : SalesCalendar.snapToWorkingHours(
                    lead.firstTouchAt + (long) (r.nextDouble() * (end - lead.firstTouchAt)),
                    r.nextDouble(),
                    lead.firstTouchAt + 60);
        int owner = lead.ownerAt(at);
        if (at >= calendar.end() || owner < 0 || !organisation.reps().get(owner).isActive(at)) {
          continue;
        }
        ActivityType type =
            leadActivityType(r, lead.channel, k, person.wecomExternalUserId().isPresent());
        activities.add(type, CONTEXT_LEAD, owner, -1, -1, lead.index, -1, person.index(), at);
      }
    }

    for (Opportunity opportunity : opportunities) {
      if (opportunity.deleted) {
        continue;
      }
      SplittableRandom r = world.random().of(RandomStream.ACTIVITY, opportunity.index, 2);
      int[] contacts = book.contactsOf(opportunity.accountIndex);
      for (int k = 0; k <= opportunity.lastStage; k++) {
        long entered = opportunity.enteredAt[k];
        if (entered < 0 || entered >= calendar.end()) {
          break;
        }
        long left = k < opportunity.lastStage ? opportunity.enteredAt[k + 1] : opportunity.closedAt;
        left = Math.min(left, calendar.end() - 60);
        double days = Math.max(0.01, (left - entered) / (double) DAY);
        int count = Math.min(15, 1 + Distributions.poisson(r, days * 0.45));
        for (int n = 0; n < count; n++) {
          long at =
              n == 0
                  ? entered + 60 + r.nextInt(1800)
                  : SalesCalendar.snapToWorkingHours(
                      entered + (long) (r.nextDouble() * (left - entered)),
                      r.nextDouble(),
                      entered + 60);
          int owner = opportunity.ownerAt(at);
          if (at >= calendar.end() || !organisation.reps().get(owner).isActive(at)) {
            continue;
          }
          int contact = contactAt(book, contacts, at, r);
          int person = contact >= 0 ? book.contacts().get(contact).personIndex : -1;
          boolean wecom = person >= 0 && people.get(person).wecomExternalUserId().isPresent();
          ActivityType type = stageActivityType(r, k, n, wecom);
          activities.add(
              type,
              (byte) k,
              owner,
              opportunity.accountIndex,
              contact,
              -1,
              opportunity.index,
              person,
              at);
        }
      }
    }

    int remaining = world.volumes().activities() - activities.size;
    List<Account> accounts = book.accounts();
    double[] weights = new double[accounts.size()];
    for (Account account : accounts) {
      boolean customer = world.market().companies().get(account.companyIndex).isHistoricCustomer();
      weights[account.index] = (customer ? 4.0 : 1.0) * (account.duplicateOf >= 0 ? 0.3 : 1.0);
    }
    double[] cumulative = Distributions.cumulative(weights);
    for (int i = 0, attempts = 0; i < remaining && attempts < remaining * 20; attempts++) {
      SplittableRandom r = world.random().of(RandomStream.ACTIVITY, attempts, 3);
      Account account = accounts.get(Distributions.weighted(r, cumulative));
      long at = calendar.sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble());
      if (at < account.createdAt) {
        continue;
      }
      int owner = account.ownerAt(at);
      Rep rep = organisation.reps().get(owner);
      if (!rep.isActive(at)) {
        continue;
      }
      int contact = contactAt(book, book.contactsOf(account.index), at, r);
      int person = contact >= 0 ? book.contacts().get(contact).personIndex : -1;
      boolean wecom = person >= 0 && people.get(person).wecomExternalUserId().isPresent();
      ActivityType type = careActivityType(r, wecom);
      activities.add(type, CONTEXT_ACCOUNT, owner, account.index, contact, -1, -1, person, at);
      i++;
    }
    activities.sortByStart();
    activities.sampleTextShape(world);
    return activities;
  }

  private static int contactAt(AccountBook book, int[] contacts, long at, SplittableRandom r) {
    int available = 0;
    for (int contact : contacts) {
      if (book.contacts().get(contact).createdAt <= at) {
        available++;
      }
    }
    if (available == 0) {
      return -1;
    }
    int chosen = r.nextInt(available);
    for (int contact : contacts) {
      if (book.contacts().get(contact).createdAt <= at && chosen-- == 0) {
        return contact;
      }
    }
    return -1;
  }

  private void sortByStart() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byTime = Long.compare(startedAt[a], startedAt[b]);
          return byTime != 0 ? byTime : Integer.compare(a, b);
        });
    type = permute(type, order);
    context = permute(context, order);
    rep = permute(rep, order);
    account = permute(account, order);
    contact = permute(contact, order);
    lead = permute(lead, order);
    opportunity = permute(opportunity, order);
    person = permute(person, order);
    long[] sortedStart = new long[size];
    for (int i = 0; i < size; i++) {
      sortedStart[i] = startedAt[order[i]];
    }
    startedAt = sortedStart;
  }

  /**
   * The 47% and 83% anchors: each activity has its own chance of a short note and of an attachment
   * (calls are terse, demos come with decks), sampled systematically so the shares are exact.
   */
  private void sampleTextShape(World world) {
    double[] shortPropensity = {0.8, 1.25, 1.1, 0.55, 0.75, 0.8};
    double shortSum = 0;
    double attachmentSum = 0;
    for (int i = 0; i < size; i++) {
      shortSum += shortPropensity[type[i]];
      attachmentSum += ActivityType.values()[type[i]].attachmentPropensity();
    }
    double shortScale = SHORT_NOTE_SHARE * size / shortSum;
    double attachmentScale = (1 - NO_ATTACHMENT_SHARE) * size / attachmentSum;
    SystematicSampler shortSampler =
        new SystematicSampler(world.random().uniform(RandomStream.ACTIVITY_TEXT, -1, 0));
    SystematicSampler attachmentSampler =
        new SystematicSampler(world.random().uniform(RandomStream.ACTIVITY_TEXT, -1, 1));
    shortNote = new boolean[size];
    attachment = new boolean[size];
    for (int i = 0; i < size; i++) {
      shortNote[i] = shortSampler.next(shortScale * shortPropensity[type[i]]);
      attachment[i] =
          attachmentSampler.next(
              attachmentScale * ActivityType.values()[type[i]].attachmentPropensity());
    }
  }

  private static byte[] permute(byte[] values, Integer[] order) {
    byte[] out = new byte[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  private static int[] permute(int[] values, Integer[] order) {
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  private static ActivityType leadActivityType(
      SplittableRandom r, Channel channel, int n, boolean wecom) {
    ActivityType type;
    if (n == 0) {
      type =
          switch (channel) {
            case WECOM -> ActivityType.WECHAT;
            case HOTLINE_400, ADS -> ActivityType.CALL;
            default -> r.nextDouble() < 0.7 ? ActivityType.CALL : ActivityType.WECHAT;
          };
    } else {
      double u = r.nextDouble();
      type =
          u < 0.45
              ? ActivityType.WECHAT
              : u < 0.85 ? ActivityType.CALL : u < 0.93 ? ActivityType.EMAIL : ActivityType.VISIT;
    }
    return type == ActivityType.WECHAT && !wecom ? ActivityType.CALL : type;
  }

  private static ActivityType stageActivityType(
      SplittableRandom r, int stage, int n, boolean wecom) {
    ActivityType type;
    double u = r.nextDouble();
    if (stage == 2 && n == 0) {
      type = ActivityType.DEMO;
    } else {
      type =
          switch (stage) {
            case 0 ->
                u < 0.5 ? ActivityType.WECHAT : u < 0.9 ? ActivityType.CALL : ActivityType.EMAIL;
            case 1 ->
                u < 0.35 ? ActivityType.VISIT : u < 0.7 ? ActivityType.WECHAT : ActivityType.CALL;
            case 2 ->
                u < 0.3
                    ? ActivityType.DEMO
                    : u < 0.55
                        ? ActivityType.VISIT
                        : u < 0.85 ? ActivityType.WECHAT : ActivityType.MEETING;
            case 3 ->
                u < 0.4
                    ? ActivityType.WECHAT
                    : u < 0.65
                        ? ActivityType.CALL
                        : u < 0.8
                            ? ActivityType.EMAIL
                            : u < 0.92 ? ActivityType.VISIT : ActivityType.MEETING;
            default ->
                u < 0.4
                    ? ActivityType.WECHAT
                    : u < 0.7
                        ? ActivityType.EMAIL
                        : u < 0.85 ? ActivityType.MEETING : ActivityType.CALL;
          };
    }
    return type == ActivityType.WECHAT && !wecom ? ActivityType.CALL : type;
  }

  private static ActivityType careActivityType(SplittableRandom r, boolean wecom) {
    double u = r.nextDouble();
    ActivityType type =
        u < 0.5
            ? ActivityType.WECHAT
            : u < 0.75
                ? ActivityType.CALL
                : u < 0.9
                    ? ActivityType.VISIT
                    : u < 0.95 ? ActivityType.MEETING : ActivityType.EMAIL;
    return type == ActivityType.WECHAT && !wecom ? ActivityType.CALL : type;
  }
}
