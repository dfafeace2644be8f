package io.salesdw.generator.chat;

import io.salesdw.generator.crm.Activities;
import io.salesdw.generator.crm.ActivityType;
import io.salesdw.generator.crm.Opportunity;
import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.market.ProductCatalog;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.output.DefectDice;
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
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Recorded calls and meetings (chat/calls.jsonl): about one in eight 电话 and 会议 activities with a
 * WeCom contact, with speaker turns whose lines carry the same deal signals as the chats.
 */
final class CallRecords {
  static final double CALL_MALFORMED_RATE = 0.002;

  /** Share of 电话 and 会议 activities recorded as call/meeting records. */
  static final double RECORDED_SHARE = 0.12;

  private final World world;
  private final OutputLedger ledger;
  private final Activities activities;
  private final List<Opportunity> opportunities;
  private final String[] opportunityIds;

  CallRecords(
      World world,
      OutputLedger ledger,
      Activities activities,
      List<Opportunity> opportunities,
      String[] opportunityIds) {
    this.world = world;
    this.ledger = ledger;
    this.activities = activities;
    this.opportunities = opportunities;
    this.opportunityIds = opportunityIds;
  }

  /** Whether activity i is a 电话 or 会议 with a WeCom contact that the archive recorded. */
  boolean isRecorded(int i) {
    ActivityType type = activities.type(i);
    int person = activities.person(i);
    return (type == ActivityType.CALL || type == ActivityType.MEETING)
        && person >= 0
        && world.market().people().get(person).wecomExternalUserId().isPresent()
        && world.random().uniform(RandomStream.CALL, i, 0) < RECORDED_SHARE;
  }

  /** Writes chat/calls.jsonl; returns the records written. */
  long write() {
    String path = "chat/calls.jsonl";
    List<Person> people = world.market().people();
    long malformedCount = 0;
    try (LineWriter out = new LineWriter(ledger.resolve(path))) {
      StringBuilder line = new StringBuilder(4096);
      String[] slots = new String[Template.Slot.values().length];
      int calls = 0;
      DefectDice dice =
          new DefectDice(
              world.random(),
              41,
              new DefectKind[] {DefectKind.MALFORMED_JSON},
              new double[] {CALL_MALFORMED_RATE});
      for (int i = 0; i < activities.size(); i++) {
        if (!isRecorded(i)) {
          continue;
        }
        ActivityType type = activities.type(i);
        int person = activities.person(i);
        calls++;
        SplittableRandom r = world.random().of(RandomStream.CALL, i, 1);
        int seconds =
            type == ActivityType.CALL
                ? 60 + (int) Distributions.logNormalWithMedian(r, 420, 0.6)
                : 900 + (int) Distributions.logNormalWithMedian(r, 2400, 0.4);
        CallText text =
            new CallText(
                activities.opportunity(i),
                activities.context(i),
                activities.rep(i),
                person,
                slots,
                r);
        line.setLength(0);
        line.append("{\"call_id\":\"CALL").append(Organisation.pad(calls, 6)).append('"');
        line.append(",\"call_type\":\"")
            .append(type == ActivityType.CALL ? "call" : "meeting")
            .append('"');
        line.append(",\"rep_id\":");
        JsonText.appendString(line, world.organisation().reps().get(activities.rep(i)).id());
        line.append(",\"external_userid\":");
        JsonText.appendString(line, people.get(person).wecomExternalUserId().orElseThrow());
        line.append(",\"opportunity_id\":");
        JsonText.appendString(
            line,
            activities.opportunity(i) >= 0 ? opportunityIds[activities.opportunity(i)] : null);
        line.append(",\"started_at\":\"");
        TimeText.appendIsoTimestamp(line, activities.startedAt(i)).append('"');
        line.append(",\"duration_seconds\":").append(seconds);
        line.append(",\"turns\":[");
        int at = 0;
        int turns = 0;
        while (at < seconds && turns < 40) {
          int length =
              Math.min(seconds - at, 5 + (int) Distributions.logNormalWithMedian(r, 25, 0.6));
          if (turns > 0) {
            line.append(',');
          }
          boolean customer = turns % 2 == 1 ^ r.nextDouble() < 0.15;
          line.append("{\"speaker\":\"")
              .append(customer ? "customer" : "rep")
              .append("\",\"start_second\":")
              .append(at)
              .append(",\"end_second\":")
              .append(at + length)
              .append(",\"text\":");
          JsonText.appendString(line, text.line(turns, customer));
          line.append('}');
          at += length + r.nextInt(3);
          turns++;
        }
        line.append("]}");
        if (dice.roll(i) != null) {
          out.line(line.substring(0, line.length() * 2 / 3));
          malformedCount++;
        } else {
          out.line(line);
        }
      }
      out.finish();
      ledger.fileWritten(path, "UTF-8", out.lines());
      ledger.defect(path, DefectKind.MALFORMED_JSON, null, malformedCount, out.lines());
      return out.lines();
    }
  }

  /** Lines of a recorded call, from the same phrase groups as chats. */
  private final class CallText {
    final SplittableRandom random;
    final String[] slots;
    final Opportunity opportunity;
    final int stage;

    CallText(
        int opportunityIndex,
        int stage,
        int rep,
        int person,
        String[] slots,
        SplittableRandom random) {
      this.random = random;
      this.slots = slots;
      this.opportunity = opportunityIndex >= 0 ? opportunities.get(opportunityIndex) : null;
      this.stage = stage;
      Person customer = world.market().people().get(person);
      Company company = world.market().companies().get(customer.companyIndex());
      Rep owner = world.organisation().reps().get(rep);
      Arrays.fill(slots, "");
      slots[Template.Slot.CUSTOMER.ordinal()] = customer.name().surname() + "总";
      slots[Template.Slot.REP.ordinal()] = "小" + owner.name().surname();
      slots[Template.Slot.PRODUCT.ordinal()] =
          ProductCatalog.line(
                  opportunity != null
                      ? opportunity.productLineCode()
                      : company.industry().mainProductLine())
              .name();
      slots[Template.Slot.COMPETITOR.ordinal()] =
          ChatPhrases.COMPETITORS.get(random.nextInt(ChatPhrases.COMPETITORS.size()));
      slots[Template.Slot.CITY.ordinal()] = company.city().name();
      slots[Template.Slot.DAY.ordinal()] =
          ChatPhrases.DAYS.get(random.nextInt(ChatPhrases.DAYS.size()));
      slots[Template.Slot.TIME.ordinal()] =
          ChatPhrases.TIMES.get(random.nextInt(ChatPhrases.TIMES.size()));
      slots[Template.Slot.INDUSTRY.ordinal()] = company.industry().label();
      slots[Template.Slot.COMPANY.ordinal()] = company.name().render(CompanyNameVariant.SHORT);
    }

    String line(int turn, boolean customer) {
      if (turn == 0) {
        return ChatPhrases.REP_OPENERS_ZH
            .get(random.nextInt(ChatPhrases.REP_OPENERS_ZH.size()))
            .fill(slots);
      }
      List<Template> group;
      double u = random.nextDouble();
      if (customer) {
        if (opportunity != null && opportunity.won() && stage >= 3 && u < 0.2) {
          group = ChatPhrases.DECISION_SIGNALS_ZH;
        } else if (opportunity != null
            && !opportunity.won()
            && opportunity.lostReason().equals("价格")
            && u < 0.25) {
          group = ChatPhrases.PRICE_OBJECTIONS_ZH;
        } else if (opportunity != null && opportunity.budgetApproved() && u < 0.3) {
          group = ChatPhrases.BUDGET_APPROVED_ZH;
        } else {
          group = u < 0.6 ? ChatPhrases.CUSTOMER_QUESTIONS_ZH : ChatPhrases.CUSTOMER_ACKS_ZH;
        }
      } else {
        group =
            u < 0.6
                ? ChatPhrases.REP_INFO_ZH
                : u < 0.85 ? ChatPhrases.REP_ACKS_ZH : ChatPhrases.SCHEDULING_ZH;
      }
      return group.get(random.nextInt(group.size())).fill(slots);
    }
  }
}
