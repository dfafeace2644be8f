package io.salesdw.generator.chat;

import io.salesdw.generator.crm.AccountBook;
import io.salesdw.generator.crm.Activities;
import io.salesdw.generator.crm.ActivityType;
import io.salesdw.generator.crm.Contact;
import io.salesdw.generator.crm.Opportunity;
import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Industry;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.market.ProductCatalog;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.output.DefectKind;
import io.salesdw.generator.output.JsonText;
import io.salesdw.generator.output.LineWriter;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.ChatPhrases;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.text.Template;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The WeCom archive: a one-to-one chat session for every 微信 activity, service group chats for won
 * deals, the external contacts, and recorded calls and meetings with speaker turns. Lines carry the
 * deal's signals — budget approval and decisions for deals that will be won, price and competitor
 * objections for deals lost on them — so text mining has something to find.
 */
public final class ChatArchive {
  public static final double MESSAGE_DUPLICATE_RATE = 0.002;
  public static final double MESSAGE_MALFORMED_RATE = 0.0005;

  private static final long DAY = 86_400;

  /** Session context of service group chats (other contexts: a stage index or Activities'). */
  private static final int SERVICE_GROUP = 9;

  private final World world;
  private final OutputLedger ledger;
  private final Activities activities;
  private final List<Opportunity> opportunities;
  private final String[] opportunityIds;
  private final CallRecords calls;

  /** Sessions sorted by start: conversation, start, message count, context source. */
  private final List<Session> sessions = new ArrayList<>();

  private final List<Conversation> conversations = new ArrayList<>();

  /** The rep each chat contact was first followed by, per person index; -1 if none. */
  private final int[] followRep;

  private final long[] firstSeen;

  /** A conversation: one-to-one (rep and person) or a group (room) for a won deal. */
  record Conversation(
      String id, boolean group, int rep, int manager, int[] people, int opportunity) {}

  /** A burst of messages in one conversation, started by an activity or a group follow-up. */
  record Session(
      int conversation,
      long start,
      int messages,
      int activity,
      int opportunity,
      int stage,
      int index) {}

  public ChatArchive(
      World world,
      OutputLedger ledger,
      Activities activities,
      AccountBook book,
      List<Opportunity> opportunities,
      String[] opportunityIds) {
    this.world = world;
    this.ledger = ledger;
    this.activities = activities;
    this.opportunities = opportunities;
    this.opportunityIds = opportunityIds;
    this.calls = new CallRecords(world, ledger, activities, opportunities, opportunityIds);
    this.followRep = new int[world.market().people().size()];
    this.firstSeen = new long[world.market().people().size()];
    Arrays.fill(followRep, -1);
    plan();
    // Every CRM contact on WeCom was added by a rep, chat or not: the archive lists them all.
    for (Contact contact : book.contacts()) {
      int person = contact.personIndex();
      if (followRep[person] < 0
          && world.market().people().get(person).wecomExternalUserId().isPresent()) {
        followRep[person] = book.ownerAt(contact.accountIndex(), contact.createdAt());
        firstSeen[person] = contact.createdAt();
      }
    }
  }

  private void plan() {
    List<Person> people = world.market().people();
    record Draft(
        long start,
        int rep,
        int[] people,
        int manager,
        int activity,
        int opportunity,
        int stage,
        boolean group,
        long seed) {}
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < activities.size(); i++) {
      int person = activities.person(i);
      if (activities.type(i) == ActivityType.WECHAT
          && person >= 0
          && people.get(person).wecomExternalUserId().isPresent()) {
        drafts.add(
            new Draft(
                activities.startedAt(i),
                activities.rep(i),
                new int[] {person},
                -1,
                i,
                activities.opportunity(i),
                activities.context(i),
                false,
                i));
      }
    }
    long end = world.calendar().end();
    int groupMessages = 0;
    for (Opportunity opportunity : opportunities) {
      if (opportunity.deleted() || !opportunity.won() || opportunity.closedAt() >= end) {
        continue;
      }
      Company company = world.market().companies().get(opportunity.companyIndex());
      int[] members =
          world.market().peopleOf(company).stream()
              .filter(p -> p.wecomExternalUserId().isPresent())
              .limit(2)
              .mapToInt(Person::index)
              .toArray();
      if (members.length == 0) {
        continue;
      }
      int rep = opportunity.ownerAt(opportunity.closedAt());
      Rep owner = world.organisation().reps().get(rep);
      int manager = world.organisation().managerOf(owner, opportunity.closedAt()).index();
      SplittableRandom r = world.random().of(RandomStream.CHAT_SESSION, opportunity.index(), 7);
      int groupSession = 0;
      for (long t = opportunity.closedAt() + 3600;
          t < end;
          t += (long) (Distributions.exponential(r, 10) * DAY) + 3600) {
        if (!owner.isActive(t)) {
          break;
        }
        drafts.add(
            new Draft(
                t,
                rep,
                members,
                manager,
                -1,
                opportunity.index(),
                SERVICE_GROUP,
                true,
                -1 - ((long) opportunity.index() << 16) - groupSession++));
        groupMessages += 5;
      }
    }
    drafts.sort(Comparator.comparingLong(Draft::start).thenComparingLong(Draft::seed));

    int oneToOne = (int) drafts.stream().filter(d -> !d.group).count();
    double mean =
        oneToOne == 0
            ? 2
            : Math.max(2, (world.volumes().chatMessages() - groupMessages) / (double) oneToOne);
    Map<Long, Integer> conversationOf = new HashMap<>();
    for (Draft draft : drafts) {
      long key =
          draft.group ? -1 - (long) draft.opportunity : ((long) draft.rep << 32) | draft.people[0];
      Integer conversation = conversationOf.get(key);
      if (conversation == null) {
        conversation = conversations.size();
        conversationOf.put(key, conversation);
        conversations.add(
            new Conversation(
                "CV" + Organisation.pad(conversation + 1, 6),
                draft.group,
                draft.rep,
                draft.manager,
                draft.people,
                draft.opportunity));
        for (int person : draft.people) {
          if (followRep[person] < 0) {
            followRep[person] = draft.rep;
            firstSeen[person] = draft.start;
          }
        }
      }
      SplittableRandom r = world.random().of(RandomStream.CHAT_SESSION, draft.seed, 1);
      int messages = draft.group ? 3 + r.nextInt(6) : 2 + Distributions.poisson(r, mean - 2);
      sessions.add(
          new Session(
              conversation,
              draft.start,
              messages,
              draft.activity,
              draft.opportunity,
              draft.stage,
              sessions.size()));
    }
    // People met only on recorded calls are in the archive's contact list too.
    for (int i = 0; i < activities.size(); i++) {
      int person = activities.person(i);
      if (calls.isRecorded(i)
          && (followRep[person] < 0 || firstSeen[person] > activities.startedAt(i))) {
        if (followRep[person] < 0) {
          followRep[person] = activities.rep(i);
        }
        firstSeen[person] = activities.startedAt(i);
      }
    }
  }

  /** Writes contacts, the monthly message files (two months at a time) and calls; returns rows. */
  public long write() {
    long total = writeContacts();
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "salesdw-chat-writer");
              thread.setDaemon(true);
              return thread;
            });
    long[] duplicates = new long[12];
    long[] malformed = new long[12];
    long messages = 0;
    try {
      List<Future<Long>> months = new ArrayList<>();
      for (int m = 0; m < 12; m++) {
        int month = m;
        months.add(pool.submit(() -> writeMonth(month, duplicates, malformed)));
      }
      for (Future<Long> month : months) {
        messages += month.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing chat messages", e);
    } finally {
      pool.shutdownNow();
    }
    String file = "chat/messages-*.jsonl";
    ledger.defect(file, DefectKind.DUPLICATE_ROW, null, Arrays.stream(duplicates).sum(), messages);
    ledger.defect(file, DefectKind.MALFORMED_JSON, null, Arrays.stream(malformed).sum(), messages);
    total += messages;
    total += calls.write();
    return total;
  }

  private long writeContacts() {
    List<Person> people = world.market().people();
    String path = "chat/contacts.jsonl";
    long variants = 0;
    long missingCorp = 0;
    Integer[] order = new Integer[people.size()];
    int n = 0;
    for (Person person : people) {
      if (followRep[person.index()] >= 0) {
        order[n++] = person.index();
      }
    }
    Integer[] seen = Arrays.copyOf(order, n);
    Arrays.sort(
        seen, Comparator.comparingLong((Integer p) -> firstSeen[p]).thenComparingInt(p -> p));
    try (LineWriter out = new LineWriter(ledger.resolve(path))) {
      StringBuilder line = new StringBuilder(256);
      for (int p : seen) {
        Person person = people.get(p);
        Company company = world.market().companies().get(person.companyIndex());
        SplittableRandom r = world.random().of(RandomStream.CHAT_CONTACT, p);
        CompanyNameVariant variant = corpVariant(r, company);
        String corp = variant == null ? null : company.name().render(variant);
        if (variant == null) {
          missingCorp++;
        } else if (variant != CompanyNameVariant.CANONICAL) {
          variants++;
        }
        line.setLength(0);
        line.append("{\"external_userid\":");
        JsonText.appendString(line, person.wecomExternalUserId().orElseThrow());
        line.append(",\"name\":");
        JsonText.appendString(line, nickname(r, person, company));
        line.append(",\"corp_name\":");
        JsonText.appendString(line, corp);
        line.append(",\"mobile\":");
        JsonText.appendString(line, r.nextDouble() < 0.85 ? person.mobile() : null);
        line.append(",\"follow_rep_userid\":");
        JsonText.appendString(line, world.organisation().reps().get(followRep[p]).wecomUserId());
        out.line(line.append('}'));
      }
      out.finish();
      ledger.fileWritten(path, "UTF-8", out.lines());
      ledger.defect(path, DefectKind.NAME_VARIANT, "corp_name", variants, out.lines());
      ledger.defect(path, DefectKind.MISSING_FIELD, "corp_name", missingCorp, out.lines());
      return out.lines();
    }
  }

  /** The chat contacts in file order with their company variant, for the identity ground truth. */
  public List<int[]> contactsInOrder() {
    List<int[]> out = new ArrayList<>();
    List<Person> people = world.market().people();
    Integer[] seen =
        people.stream().map(Person::index).filter(p -> followRep[p] >= 0).toArray(Integer[]::new);
    Arrays.sort(
        seen, Comparator.comparingLong((Integer p) -> firstSeen[p]).thenComparingInt(p -> p));
    for (int p : seen) {
      out.add(new int[] {p, people.get(p).companyIndex()});
    }
    return out;
  }

  /** The corp_name variant the contact shows (null when the profile has none). */
  public CompanyNameVariant corpVariantOf(int person) {
    Company company =
        world.market().companies().get(world.market().people().get(person).companyIndex());
    return corpVariant(world.random().of(RandomStream.CHAT_CONTACT, person), company);
  }

  private static CompanyNameVariant corpVariant(SplittableRandom r, Company company) {
    double u = r.nextDouble();
    if (u < 0.08) {
      return null;
    }
    if (company.englishSpeaking() && u < 0.5) {
      return CompanyNameVariant.ENGLISH;
    }
    return u < 0.43
        ? CompanyNameVariant.SHORT
        : u < 0.68
            ? CompanyNameVariant.CANONICAL
            : u < 0.83
                ? CompanyNameVariant.NO_CITY
                : u < 0.91 ? CompanyNameVariant.PINYIN : CompanyNameVariant.ENGLISH;
  }

  private static String nickname(SplittableRandom r, Person person, Company company) {
    double u = r.nextDouble();
    if (u < 0.6) {
      return person.name().chinese();
    }
    if (u < 0.75) {
      return person.name().surname()
          + (company.industry() == Industry.TERTIARY_HOSPITAL ? "主任" : "总");
    }
    if (u < 0.85) {
      return person.name().english();
    }
    return person.name().chinese() + "-" + company.name().render(CompanyNameVariant.SHORT);
  }

  private long writeMonth(int month, long[] duplicates, long[] malformed) {
    int year = world.calendar().year();
    LocalDate first = LocalDate.of(year, month + 1, 1);
    long from = TimeText.chinaStartOfDay(first);
    long to = TimeText.chinaStartOfDay(first.plusMonths(1));
    record Message(long millis, int session, int k, String json) {}
    List<Message> messages = new ArrayList<>();
    int low = lowerBound(from - DAY);
    StringBuilder line = new StringBuilder(512);
    String[] slots = new String[Template.Slot.values().length];
    for (int s = low; s < sessions.size() && sessions.get(s).start() < to; s++) {
      Session session = sessions.get(s);
      SessionText text = new SessionText(session, slots);
      long t = session.start() * 1000;
      for (int k = 0; k < session.messages(); k++) {
        if (k > 0) {
          t += (long) (Distributions.logNormalWithMedian(text.random, 60, 1.2) * 1000) + 1000;
        }
        line.setLength(0);
        text.appendMessage(line, k, t);
        if (t >= from * 1000 && t < to * 1000) {
          messages.add(new Message(t, s, k, line.toString()));
        }
      }
    }
    messages.sort(
        Comparator.comparingLong(Message::millis)
            .thenComparingInt(Message::session)
            .thenComparingInt(Message::k));
    String path = "chat/messages-" + year + "-" + Organisation.pad(month + 1, 2) + ".jsonl";
    try (LineWriter out = new LineWriter(ledger.resolve(path))) {
      for (Message message : messages) {
        double u =
            world
                .random()
                .uniform(RandomStream.DEFECT, ((long) message.session << 16) | message.k, 40);
        if (u < MESSAGE_DUPLICATE_RATE) {
          out.line(message.json);
          out.line(message.json);
          duplicates[month]++;
        } else if (u < MESSAGE_DUPLICATE_RATE + MESSAGE_MALFORMED_RATE) {
          out.line(message.json.substring(0, message.json.length() / 2));
          malformed[month]++;
        } else {
          out.line(message.json);
        }
      }
      out.finish();
      ledger.fileWritten(path, "UTF-8", out.lines());
      return out.lines();
    }
  }

  private int lowerBound(long start) {
    int low = 0;
    int high = sessions.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sessions.get(mid).start() < start) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Generates the lines of one session from its own random stream. */
  private final class SessionText {
    final SplittableRandom random;
    final Session session;
    final Conversation conversation;
    final boolean english;
    final String[] slots;
    final String repUserId;
    final String[] customerUserIds;
    final Opportunity opportunity;
    boolean customerTurn;
    boolean budgetSaid;

    SessionText(Session session, String[] slots) {
      this.session = session;
      this.random = world.random().of(RandomStream.CHAT_SESSION, session.index(), 2);
      this.conversation = conversations.get(session.conversation());
      this.slots = slots;
      Person person = world.market().people().get(conversation.people()[0]);
      Company company = world.market().companies().get(person.companyIndex());
      this.english =
          company.englishSpeaking()
              && world.random().uniform(RandomStream.CHAT_SESSION, company.index(), 99) < 0.7;
      Rep rep = world.organisation().reps().get(conversation.rep());
      this.repUserId = rep.wecomUserId();
      this.customerUserIds = new String[conversation.people().length];
      for (int i = 0; i < customerUserIds.length; i++) {
        customerUserIds[i] =
            world
                .market()
                .people()
                .get(conversation.people()[i])
                .wecomExternalUserId()
                .orElseThrow();
      }
      this.opportunity =
          session.opportunity() >= 0 ? opportunities.get(session.opportunity()) : null;
      String title =
          company.industry() == Industry.TERTIARY_HOSPITAL
              ? (english ? "Dr. " : "主任")
              : (english ? "Mr. " : "总");
      slots[Template.Slot.CUSTOMER.ordinal()] =
          english ? title + person.name().surnamePinyin() : person.name().surname() + title;
      slots[Template.Slot.REP.ordinal()] =
          english ? rep.name().givenPinyin() : "小" + rep.name().surname();
      slots[Template.Slot.COMPANY.ordinal()] = company.name().render(CompanyNameVariant.SHORT);
      String line =
          opportunity != null
              ? opportunity.productLineCode()
              : company.industry().mainProductLine();
      slots[Template.Slot.PRODUCT.ordinal()] = english ? line : ProductCatalog.line(line).name();
      int competitor = random.nextInt(ChatPhrases.COMPETITORS.size());
      slots[Template.Slot.COMPETITOR.ordinal()] =
          english
              ? ChatPhrases.COMPETITORS_EN.get(competitor)
              : ChatPhrases.COMPETITORS.get(competitor);
      slots[Template.Slot.CITY.ordinal()] =
          english ? company.city().pinyin() : company.city().name();
      slots[Template.Slot.DAY.ordinal()] = pick(english ? ChatPhrases.DAYS_EN : ChatPhrases.DAYS);
      slots[Template.Slot.TIME.ordinal()] =
          pick(english ? ChatPhrases.TIMES_EN : ChatPhrases.TIMES);
      slots[Template.Slot.INDUSTRY.ordinal()] = english ? "your" : company.industry().label();
    }

    private String pick(List<String> values) {
      return values.get(random.nextInt(values.size()));
    }

    private Template pickTemplate(List<Template> zh, List<Template> en) {
      List<Template> group = english ? en : zh;
      return group.get(random.nextInt(group.size()));
    }

    void appendMessage(StringBuilder out, int k, long millis) {
      boolean fromCustomer;
      if (k == 0) {
        fromCustomer = conversation.group() && random.nextBoolean();
      } else {
        fromCustomer = random.nextDouble() < (customerTurn ? 0.3 : 0.75);
      }
      customerTurn = fromCustomer;
      int customer = customerUserIds.length == 1 ? 0 : random.nextInt(customerUserIds.length);
      String from = fromCustomer ? customerUserIds[customer] : repUserId;
      out.append("{\"msgid\":\"").append(conversation.id()).append('_');
      TimeText.appendPadded(out, session.index(), 7);
      TimeText.appendPadded(out, k, 3);
      out.append("\",\"action\":\"send\",\"from\":");
      JsonText.appendString(out, from);
      out.append(",\"tolist\":[");
      boolean first = true;
      if (fromCustomer) {
        first = appendMember(out, repUserId, first);
        if (conversation.group()) {
          first =
              appendMember(
                  out,
                  world.organisation().reps().get(conversation.manager()).wecomUserId(),
                  first);
        }
      }
      for (int i = 0; i < customerUserIds.length; i++) {
        if (!(fromCustomer && i == customer)) {
          first = appendMember(out, customerUserIds[i], first);
        }
      }
      if (!fromCustomer && conversation.group()) {
        appendMember(
            out, world.organisation().reps().get(conversation.manager()).wecomUserId(), first);
      }
      out.append("],\"roomid\":\"")
          .append(conversation.group() ? conversation.id() : "")
          .append("\",\"msgtime\":")
          .append(millis);
      if (!fromCustomer && k > 0 && random.nextDouble() < 0.07) {
        out.append(",\"msgtype\":\"file\",\"file\":{\"filename\":");
        JsonText.appendString(out, pick(ChatPhrases.FILE_NAMES));
        out.append(",\"filesize\":")
            .append((long) Distributions.logNormalWithMedian(random, 400_000, 1.1) + 2048)
            .append("}}");
        return;
      }
      out.append(",\"msgtype\":\"text\",\"text\":{\"content\":");
      JsonText.appendString(out, line(k, fromCustomer));
      out.append("}}");
    }

    private boolean appendMember(StringBuilder out, String member, boolean first) {
      if (!first) {
        out.append(',');
      }
      JsonText.appendString(out, member);
      return false;
    }

    private String line(int k, boolean fromCustomer) {
      if (k == 0 && !fromCustomer) {
        return pickTemplate(ChatPhrases.REP_OPENERS_ZH, ChatPhrases.REP_OPENERS_EN).fill(slots);
      }
      double u = random.nextDouble();
      int stage = session.stage();
      if (fromCustomer) {
        if (opportunity != null && stage >= 0 && stage < SERVICE_GROUP) {
          if (opportunity.budgetApproved() && stage >= 1 && !budgetSaid && u < 0.3) {
            budgetSaid = true;
            return pickTemplate(ChatPhrases.BUDGET_APPROVED_ZH, ChatPhrases.BUDGET_APPROVED_EN)
                .fill(slots);
          }
          if (opportunity.won() && stage >= 3 && u < 0.25) {
            return pickTemplate(ChatPhrases.DECISION_SIGNALS_ZH, ChatPhrases.DECISION_SIGNALS_EN)
                .fill(slots);
          }
          boolean lostOnPrice =
              !opportunity.won()
                  && (opportunity.lostReason().equals("价格")
                      || opportunity.lostReason().equals("竞品"));
          if (lostOnPrice && stage >= 2 && u < 0.22) {
            return pickTemplate(ChatPhrases.PRICE_OBJECTIONS_ZH, ChatPhrases.PRICE_OBJECTIONS_EN)
                .fill(slots);
          }
          if (lostOnPrice && stage >= 2 && u < 0.34) {
            return pickTemplate(
                    ChatPhrases.COMPETITOR_MENTIONS_ZH, ChatPhrases.COMPETITOR_MENTIONS_EN)
                .fill(slots);
          }
          if (!opportunity.won() && !lostOnPrice && u < 0.15) {
            return pickTemplate(ChatPhrases.STALLS_ZH, ChatPhrases.STALLS_EN).fill(slots);
          }
        } else if (stage == SERVICE_GROUP || stage == Activities.CONTEXT_ACCOUNT) {
          if (u < 0.3) {
            return pickTemplate(ChatPhrases.SERVICE_REQUESTS_ZH, ChatPhrases.SERVICE_REQUESTS_EN)
                .fill(slots);
          }
          if (u < 0.36) {
            return pickTemplate(
                    ChatPhrases.SERVICE_OBJECTIONS_ZH, ChatPhrases.SERVICE_OBJECTIONS_EN)
                .fill(slots);
          }
        }
        double v = random.nextDouble();
        if (v < 0.42) {
          return pickTemplate(ChatPhrases.CUSTOMER_QUESTIONS_ZH, ChatPhrases.CUSTOMER_QUESTIONS_EN)
              .fill(slots);
        }
        if (v < 0.85) {
          return pickTemplate(ChatPhrases.CUSTOMER_ACKS_ZH, ChatPhrases.CUSTOMER_ACKS_EN)
              .fill(slots);
        }
        return pickTemplate(ChatPhrases.SCHEDULING_ZH, ChatPhrases.SCHEDULING_EN).fill(slots);
      }
      if ((stage == SERVICE_GROUP || stage == Activities.CONTEXT_ACCOUNT) && u < 0.35) {
        return pickTemplate(ChatPhrases.SERVICE_REPLIES_ZH, ChatPhrases.SERVICE_REPLIES_EN)
            .fill(slots);
      }
      if (u < 0.45) {
        return pickTemplate(ChatPhrases.REP_INFO_ZH, ChatPhrases.REP_INFO_EN).fill(slots);
      }
      if (u < 0.8) {
        return pickTemplate(ChatPhrases.REP_ACKS_ZH, ChatPhrases.REP_ACKS_EN).fill(slots);
      }
      return pickTemplate(ChatPhrases.SCHEDULING_ZH, ChatPhrases.SCHEDULING_EN).fill(slots);
    }
  }
}
