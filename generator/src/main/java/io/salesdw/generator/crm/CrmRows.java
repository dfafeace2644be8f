package io.salesdw.generator.crm;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.market.ProductCatalog;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.org.Team;
import io.salesdw.generator.output.Numbers;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.util.Arrays;
import java.util.List;

/**
 * The CRM's row images of leads, opportunities, accounts and reps as of an instant: the CSV export
 * is the image at the year end, and every change-feed upsert is the image at its change. Both come
 * from here, so replaying the feed reproduces the export.
 */
public final class CrmRows {
  public static final List<String> REP_COLUMNS =
      List.of(
          "rep_id",
          "rep_name",
          "level",
          "hire_date",
          "leave_date",
          "team_id",
          "manager_rep_id",
          "phone",
          "email",
          "wecom_userid",
          "updated_at");
  public static final List<String> LEAD_COLUMNS =
      List.of(
          "lead_id",
          "created_at",
          "channel_name",
          "region_name",
          "industry",
          "budget_band",
          "company_name",
          "contact_name",
          "phone",
          "email",
          "assigned_rep_id",
          "assigned_at",
          "claimed_at",
          "first_touch_at",
          "status",
          "mql_at",
          "sql_at",
          "opportunity_id",
          "recycle_count",
          "updated_at");
  public static final List<String> OPPORTUNITY_COLUMNS =
      List.of(
          "opportunity_id",
          "opportunity_name",
          "account_id",
          "lead_id",
          "owner_rep_id",
          "product_line_code",
          "amount",
          "stage",
          "status",
          "created_at",
          "expected_close_date",
          "closed_at",
          "lost_reason",
          "updated_at");
  public static final List<String> ACCOUNT_COLUMNS =
      List.of(
          "account_id",
          "account_name",
          "unified_social_credit_code",
          "industry",
          "region_name",
          "city",
          "phone",
          "email",
          "owner_rep_id",
          "created_at",
          "updated_at");

  private final World world;
  private final List<Lead> leads;
  private final List<Opportunity> opportunities;
  private final AccountBook book;
  private final int[] regionHeads;

  public CrmRows(World world, List<Lead> leads, List<Opportunity> opportunities, AccountBook book) {
    this.world = world;
    this.leads = leads;
    this.opportunities = opportunities;
    this.book = book;
    Organisation organisation = world.organisation();
    regionHeads = new int[organisation.regions().size()];
    Arrays.fill(regionHeads, -1);
    for (Team team : organisation.teams()) {
      if (regionHeads[team.regionIndex()] < 0) {
        regionHeads[team.regionIndex()] = team.managerRepIndex();
      }
    }
  }

  /** The rep's row as of {@code t}. */
  public String[] rep(Rep rep, long t, long updatedAt) {
    Organisation organisation = world.organisation();
    Team team = organisation.teams().get(rep.teamAt(t));
    String manager;
    if (rep.isManager()) {
      int head = regionHeads[team.regionIndex()];
      manager = head == rep.index() ? "" : organisation.reps().get(head).id();
    } else {
      manager = organisation.reps().get(team.managerRepIndex()).id();
    }
    return new String[] {
      rep.id(),
      rep.name().chinese(),
      rep.level().name(),
      TimeText.date(rep.hireDate()),
      rep.leaveDate().isPresent() && rep.leftAt() <= t ? TimeText.date(rep.leaveDate().get()) : "",
      team.id(),
      manager,
      rep.phone(),
      rep.email(),
      rep.wecomUserId(),
      TimeText.crmTimestamp(updatedAt)
    };
  }

  /** The lead's row as of {@code t}. */
  public String[] lead(Lead lead, long t) {
    Person person = world.market().people().get(lead.personIndex);
    int assignment = lead.assignmentAt(t);
    String status;
    if (lead.convertedAt >= 0 && lead.convertedAt <= t) {
      status = "已转化";
    } else if (lead.invalidAt >= 0 && lead.invalidAt <= t) {
      status = "无效";
    } else if (assignment < 0) {
      status = lead.recyclesAt(t) > 0 ? "已回收" : "新线索";
    } else if (lead.firstTouchAt >= 0 && lead.firstTouchAt <= t) {
      status = "跟进中";
    } else {
      status = "新线索";
    }
    return new String[] {
      lead.id,
      TimeText.crmTimestamp(lead.createdAt),
      lead.channel.label(),
      lead.regionMissing ? "" : world.organisation().regions().get(lead.regionIndex).name(),
      lead.industryMissing ? "" : lead.industry.label(),
      lead.band.label(),
      lead.companyNameAsTyped,
      lead.contactName,
      lead.phoneMissing ? "" : person.mobile(),
      lead.hasEmail ? person.email() : "",
      assignment < 0 ? "" : world.organisation().reps().get(lead.assignedRep[assignment]).id(),
      assignment < 0 ? "" : TimeText.crmTimestamp(lead.assignedAt[assignment]),
      assignment < 0 || lead.claimedAt[assignment] > t
          ? ""
          : TimeText.crmTimestamp(lead.claimedAt[assignment]),
      at(lead.firstTouchAt, t),
      status,
      at(lead.mqlAt, t),
      at(lead.sqlAt, t),
      lead.convertedAt >= 0 && lead.convertedAt <= t && lead.opportunityIndex >= 0
          ? opportunities.get(lead.opportunityIndex).id
          : "",
      Integer.toString(lead.recyclesAt(t)),
      TimeText.crmTimestamp(Math.min(t, lastChange(lead, t)))
    };
  }

  /** The last change of the lead at or before t. */
  static long lastChange(Lead lead, long t) {
    long last = lead.createdAt;
    for (long event : leadEvents(lead)) {
      if (event <= t && event > last) {
        last = event;
      }
    }
    return last;
  }

  /** Every instant the lead changed (unsorted, -1 for events that did not happen). */
  static long[] leadEvents(Lead lead) {
    int n = lead.assignedAt.length;
    long[] events = new long[6 + 3 * n];
    int k = 0;
    events[k++] = lead.createdAt;
    for (int i = 0; i < n; i++) {
      events[k++] = lead.assignedAt[i];
      events[k++] = lead.claimedAt[i];
      events[k++] = lead.recycledAt[i] == Long.MAX_VALUE ? -1 : lead.recycledAt[i];
    }
    events[k++] = lead.firstTouchAt;
    events[k++] = lead.mqlAt;
    events[k++] = lead.sqlAt;
    events[k++] = lead.convertedAt;
    events[k] = lead.invalidAt;
    return events;
  }

  /** The opportunity's name: the account's short name and the product line. */
  public String opportunityName(Opportunity opportunity) {
    Company company = world.market().companies().get(opportunity.companyIndex);
    return company.name().render(CompanyNameVariant.SHORT)
        + "-"
        + ProductCatalog.line(opportunity.productLineCode).name()
        + "项目";
  }

  /** The opportunity's row as of {@code t}. */
  public String[] opportunity(Opportunity opportunity, long t, long updatedAt) {
    boolean closed = opportunity.closedBy(t);
    int stage = opportunity.stageAt(t);
    String stageLabel =
        closed ? (opportunity.won ? Stage.WON : Stage.LOST) : Opportunity.STAGES[stage].label();
    String status = closed ? (opportunity.won ? "赢单" : "丢单") : "进行中";
    return new String[] {
      opportunity.id,
      opportunityName(opportunity),
      book.accounts().get(opportunity.accountIndex).id,
      opportunity.leadIndex >= 0 ? leads.get(opportunity.leadIndex).id : "",
      world.organisation().reps().get(opportunity.ownerAt(t)).id(),
      opportunity.productLineCode,
      Numbers.money(opportunity.amountFen),
      stageLabel,
      status,
      TimeText.crmTimestamp(opportunity.createdAt),
      TimeText.date(expectedClose(opportunity, t)),
      closed ? TimeText.crmTimestamp(opportunity.closedAt) : "",
      closed && !opportunity.won ? opportunity.lostReason : "",
      TimeText.crmTimestamp(updatedAt)
    };
  }

  /**
   * The rep's expected close as of t, set at each stage change: from the stage's start, 60% of the
   * typical remaining dwell (reps are optimistic about timing as about odds). Nobody updates it
   * between stage changes, so overdue deals keep a date in the past, as in real CRMs.
   */
  public static long expectedClose(Opportunity opportunity, long t) {
    int stage = opportunity.stageAt(t);
    double days = 0;
    for (int k = stage; k < Opportunity.STAGES.length; k++) {
      days += Opportunity.STAGES[k].meanDwellDays();
    }
    return opportunity.enteredAt[stage] + (long) (0.6 * days * 86_400) + 3 * 86_400;
  }

  /** The account's row as of {@code t}. */
  public String[] account(Account account, long t, long updatedAt) {
    Company company = world.market().companies().get(account.companyIndex);
    return new String[] {
      account.id,
      account.name,
      account.hasCreditCode ? company.creditCode() : "",
      account.industryMissing ? "" : company.industry().label(),
      world.organisation().regions().get(company.regionIndex()).name(),
      account.cityMissing ? "" : company.city().name(),
      account.phoneMissing ? "" : account.phone,
      account.email,
      world.organisation().reps().get(account.ownerAt(t)).id(),
      TimeText.crmTimestamp(account.createdAt),
      TimeText.crmTimestamp(updatedAt)
    };
  }

  /** The account's last change at or before t. */
  static long accountLastChange(Account account, long t) {
    long last = account.createdAt;
    if (account.successorAt >= 0 && account.successorAt <= t) {
      last = Math.max(last, account.successorAt);
    }
    if (account.editedAt >= 0 && account.editedAt <= t) {
      last = Math.max(last, account.editedAt);
    }
    return last;
  }

  /** The opportunity's last change at or before t. */
  static long opportunityLastChange(Opportunity opportunity, long t) {
    long last = opportunity.createdAt;
    for (int k = 1; k <= opportunity.lastStage; k++) {
      if (opportunity.enteredAt[k] >= 0 && opportunity.enteredAt[k] <= t) {
        last = Math.max(last, opportunity.enteredAt[k]);
      }
    }
    if (opportunity.closedAt <= t) {
      last = Math.max(last, opportunity.closedAt);
    }
    if (opportunity.successorAt >= 0 && opportunity.successorAt <= t) {
      last = Math.max(last, opportunity.successorAt);
    }
    return last;
  }

  private static String at(long instant, long t) {
    return instant >= 0 && instant <= t ? TimeText.crmTimestamp(instant) : "";
  }
}
