package io.salesdw.generator.crm;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Region;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.org.Team;
import io.salesdw.generator.output.CsvWriter;
import io.salesdw.generator.output.DefectDice;
import io.salesdw.generator.output.DefectKind;
import io.salesdw.generator.output.JsonText;
import io.salesdw.generator.output.Numbers;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.ActivityPhrases;
import io.salesdw.generator.text.Cities;
import io.salesdw.generator.text.City;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Writes the CRM export files (everything under crm/ except the change feed). */
public final class CrmFiles {
  /** The charset Chinese Excel saves "CSV" in. */
  public static final Charset GBK = Charset.forName("GBK");

  public static final double LEAD_DUPLICATE_ROW_RATE = 0.003;
  public static final double ACTIVITY_DUPLICATE_ROW_RATE = 0.004;
  public static final double ACTIVITY_FIELD_COUNT_RATE = 0.001;
  public static final double ACTIVITY_NUMBER_RATE = 0.001;
  public static final double ACTIVITY_DATE_RATE = 0.001;
  public static final double FORECAST_NUMBER_RATE = 0.002;
  public static final double FORECAST_DATE_RATE = 0.002;

  private static final String[] NEED_TYPES = {"价格", "产品功能", "售后服务", "系统集成", "培训", "交付周期"};

  private final World world;
  private final OutputLedger ledger;
  private final CrmRows rows;
  private final List<Lead> leads;
  private final List<Opportunity> opportunities;
  private final AccountBook book;

  public CrmFiles(
      World world,
      OutputLedger ledger,
      List<Lead> leads,
      List<Opportunity> opportunities,
      AccountBook book) {
    this.world = world;
    this.ledger = ledger;
    this.leads = leads;
    this.opportunities = opportunities;
    this.book = book;
    this.rows = new CrmRows(world, leads, opportunities, book);
  }

  public CrmRows rows() {
    return rows;
  }

  /** regions, teams, reps and channels; returns the rows written. */
  public long writeOrganisation() {
    Organisation organisation = world.organisation();
    long total = 0;
    try (CsvWriter out = csv("crm/regions.csv", List.of("region_id", "region_name"))) {
      for (Region region : organisation.regions()) {
        out.row(region.id(), region.name());
      }
      total += done(out, "crm/regions.csv");
    }
    try (CsvWriter out =
        csv("crm/teams.csv", List.of("team_id", "team_name", "region_id", "manager_rep_id"))) {
      for (Team team : organisation.teams()) {
        out.row(
            team.id(),
            team.name(),
            organisation.regions().get(team.regionIndex()).id(),
            organisation.reps().get(team.managerRepIndex()).id());
      }
      total += done(out, "crm/teams.csv");
    }
    long end = world.calendar().end() - 1;
    try (CsvWriter out = csv("crm/reps.csv", CrmRows.REP_COLUMNS)) {
      for (Rep rep : repsById()) {
        out.row(rows.rep(rep, end, repLastChange(rep, end)));
      }
      total += done(out, "crm/reps.csv");
    }
    try (CsvWriter out =
        csv("crm/channels.csv", List.of("channel_id", "channel_name", "first_touch_sla_minutes"))) {
      for (Channel channel : Channel.values()) {
        out.row(channel.id(), channel.label(), Integer.toString(channel.slaMinutes()));
      }
      total += done(out, "crm/channels.csv");
    }
    return total;
  }

  /** The reps in id order. */
  List<Rep> repsById() {
    return world.organisation().reps().stream().sorted(Comparator.comparing(Rep::id)).toList();
  }

  /** The rep's last change at or before t (hire, transfer, leave), or the hire time. */
  long repLastChange(Rep rep, long t) {
    long last = rep.hiredAt();
    for (Rep.TeamMembership membership : rep.teamHistory()) {
      if (membership.from() <= t && membership.from() > last) {
        last = membership.from();
      }
    }
    if (rep.leftAt() <= t) {
      last = Math.max(last, rep.leftAt());
    }
    return last;
  }

  public long writeLeads() {
    long end = world.calendar().end() - 1;
    DefectDice dice =
        new DefectDice(
            world.random(),
            10,
            new DefectKind[] {DefectKind.DUPLICATE_ROW},
            new double[] {LEAD_DUPLICATE_ROW_RATE});
    long missingPhone = 0;
    long missingIndustry = 0;
    long missingRegion = 0;
    try (CsvWriter out = csv("crm/leads.csv", CrmRows.LEAD_COLUMNS)) {
      for (Lead lead : leads) {
        String line = out.encode(rows.lead(lead, end));
        out.writeRecord(line);
        if (dice.roll(lead.index) != null) {
          out.writeRecord(line);
        }
        missingPhone += lead.phoneMissing ? 1 : 0;
        missingIndustry += lead.industryMissing ? 1 : 0;
        missingRegion += lead.regionMissing ? 1 : 0;
      }
      long written = done(out, "crm/leads.csv");
      dice.report(ledger, "crm/leads.csv", written);
      ledger.defect("crm/leads.csv", DefectKind.MISSING_FIELD, "phone", missingPhone, written);
      ledger.defect(
          "crm/leads.csv", DefectKind.MISSING_FIELD, "industry", missingIndustry, written);
      ledger.defect(
          "crm/leads.csv", DefectKind.MISSING_FIELD, "region_name", missingRegion, written);
      return written;
    }
  }

  public long writeOpportunities() {
    long end = world.calendar().end() - 1;
    long total = 0;
    try (CsvWriter out = csv("crm/opportunities.csv", CrmRows.OPPORTUNITY_COLUMNS)) {
      for (Opportunity opportunity : opportunities) {
        if (!opportunity.deleted) {
          out.row(
              rows.opportunity(opportunity, end, CrmRows.opportunityLastChange(opportunity, end)));
        }
      }
      total += done(out, "crm/opportunities.csv");
    }
    try (CsvWriter out =
        csv(
            "crm/opportunity-stage-history.csv",
            List.of(
                "opportunity_id", "from_stage", "to_stage", "changed_at", "changed_by_rep_id"))) {
      List<Rep> reps = world.organisation().reps();
      for (Opportunity opportunity : opportunities) {
        if (opportunity.deleted) {
          continue;
        }
        for (int k = 0; k <= opportunity.lastStage; k++) {
          long at = opportunity.enteredAt[k];
          if (at < 0 || at > end) {
            break;
          }
          out.row(
              opportunity.id,
              k == 0 ? "" : Opportunity.STAGES[k - 1].label(),
              Opportunity.STAGES[k].label(),
              TimeText.crmTimestamp(at),
              reps.get(opportunity.ownerAt(at)).id());
        }
        if (opportunity.closedAt <= end) {
          out.row(
              opportunity.id,
              Opportunity.STAGES[opportunity.lastStage].label(),
              opportunity.won ? Stage.WON : Stage.LOST,
              TimeText.crmTimestamp(opportunity.closedAt),
              reps.get(opportunity.ownerAt(opportunity.closedAt)).id());
        }
      }
      total += done(out, "crm/opportunity-stage-history.csv");
    }
    List<String> header =
        new ArrayList<>(List.of("opportunity_id", "latent_quality", "win_probability"));
    for (Stage stage : Opportunity.STAGES) {
      header.add("p_advance_" + stage.code());
    }
    try (CsvWriter out = csv("ground-truth/win-probabilities.csv", header)) {
      for (Opportunity opportunity : opportunities) {
        if (opportunity.deleted) {
          continue;
        }
        String[] fields = new String[header.size()];
        fields[0] = opportunity.id;
        fields[1] = Numbers.fixed(opportunity.quality, 4);
        fields[2] = Numbers.fixed(opportunity.winProbabilityFrom(0), 6);
        for (int k = 0; k < Opportunity.STAGES.length; k++) {
          fields[3 + k] = Numbers.fixed(opportunity.advanceProbability[k], 6);
        }
        out.row(fields);
      }
      total += done(out, "ground-truth/win-probabilities.csv");
    }
    return total;
  }

  public long writeAccounts() {
    long end = world.calendar().end() - 1;
    long total = 0;
    long missingIndustry = 0;
    long missingCity = 0;
    long missingPhone = 0;
    long duplicates = 0;
    long variants = 0;
    try (CsvWriter out =
        new CsvWriter(ledger.resolve("crm/accounts.csv"), GBK, "\r\n", CrmRows.ACCOUNT_COLUMNS)) {
      for (Account account : book.accounts()) {
        out.row(rows.account(account, end, CrmRows.accountLastChange(account, end)));
        missingIndustry += account.industryMissing ? 1 : 0;
        missingCity += account.cityMissing ? 1 : 0;
        missingPhone += account.phoneMissing ? 1 : 0;
        duplicates += account.duplicateOf >= 0 ? 1 : 0;
        variants += account.variant != CompanyNameVariant.CANONICAL ? 1 : 0;
      }
      out.finish();
      long written = out.rows();
      ledger.fileWritten("crm/accounts.csv", "GBK", written);
      ledger.defect(
          "crm/accounts.csv", DefectKind.MISSING_FIELD, "industry", missingIndustry, written);
      ledger.defect("crm/accounts.csv", DefectKind.MISSING_FIELD, "city", missingCity, written);
      ledger.defect("crm/accounts.csv", DefectKind.MISSING_FIELD, "phone", missingPhone, written);
      ledger.defect("crm/accounts.csv", DefectKind.DUPLICATE_ENTITY, null, duplicates, written);
      ledger.defect("crm/accounts.csv", DefectKind.NAME_VARIANT, null, variants, written);
      total += written;
    }
    long missingTitle = 0;
    long missingContactPhone = 0;
    try (CsvWriter out =
        csv(
            "crm/contacts.csv",
            List.of(
                "contact_id",
                "account_id",
                "contact_name",
                "title",
                "decision_role",
                "phone",
                "email",
                "wecom_external_userid",
                "updated_at"))) {
      for (Contact contact : book.contacts()) {
        Person person = world.market().people().get(contact.personIndex);
        out.row(
            contact.id,
            book.accounts().get(contact.accountIndex).id,
            person.name().chinese(),
            contact.titleMissing ? "" : person.title(),
            person.role().name(),
            contact.phoneMissing ? "" : person.mobile(),
            person.email(),
            person.wecomExternalUserId().orElse(""),
            TimeText.crmTimestamp(contact.createdAt));
        missingTitle += contact.titleMissing ? 1 : 0;
        missingContactPhone += contact.phoneMissing ? 1 : 0;
      }
      long written = done(out, "crm/contacts.csv");
      ledger.defect("crm/contacts.csv", DefectKind.MISSING_FIELD, "title", missingTitle, written);
      ledger.defect(
          "crm/contacts.csv", DefectKind.MISSING_FIELD, "phone", missingContactPhone, written);
      total += written;
    }
    return total;
  }

  public long writeActivities(Activities activities) {
    DefectDice dice =
        new DefectDice(
            world.random(),
            11,
            new DefectKind[] {
              DefectKind.DUPLICATE_ROW,
              DefectKind.MALFORMED_FIELD_COUNT,
              DefectKind.MALFORMED_NUMBER,
              DefectKind.MALFORMED_DATE
            },
            new double[] {
              ACTIVITY_DUPLICATE_ROW_RATE,
              ACTIVITY_FIELD_COUNT_RATE,
              ACTIVITY_NUMBER_RATE,
              ACTIVITY_DATE_RATE
            });
    List<String> header =
        List.of(
            "activity_id",
            "activity_type",
            "rep_id",
            "account_id",
            "contact_id",
            "lead_id",
            "opportunity_id",
            "started_at",
            "duration_minutes",
            "summary",
            "summary_language",
            "need_type",
            "next_action",
            "next_action_date",
            "attachments",
            "checkin_lat",
            "checkin_lng",
            "checkin_address",
            "created_at");
    List<Rep> reps = world.organisation().reps();
    try (CsvWriter out = csv("crm/activities.csv", header)) {
      StringBuilder text = new StringBuilder(256);
      for (int i = 0; i < activities.size; i++) {
        SplittableRandom r = world.random().of(RandomStream.ACTIVITY_TEXT, i);
        ActivityType type = activities.type(i);
        Rep rep = reps.get(activities.rep[i]);
        int companyIndex =
            activities.account[i] >= 0
                ? book.accounts().get(activities.account[i]).companyIndex
                : leads.get(activities.lead[i]).companyIndex;
        Company company = world.market().companies().get(companyIndex);
        boolean english =
            (company.englishSpeaking() && r.nextDouble() < 0.7)
                || (rep.writesEnglish() && r.nextDouble() < 0.3);
        int need =
            activities.opportunity[i] >= 0
                ? opportunities.get(activities.opportunity[i]).needType
                : r.nextInt(6);
        long started = activities.startedAt[i];
        int duration =
            Math.max(
                1,
                (int) Math.round(Distributions.logNormalWithMedian(r, type.typicalMinutes(), 0.5)));
        String summary =
            activities.shortNote[i]
                ? ActivityPhrases.shortNote(r, english)
                : ActivityPhrases.longNote(r, english, r.nextDouble() < 0.6 ? need : -1);
        boolean hasNext = r.nextDouble() < 0.55;
        String attachments = "[]";
        if (activities.attachment[i]) {
          text.setLength(0);
          text.append('[');
          int files = 1 + (r.nextDouble() < 0.25 ? 1 + r.nextInt(2) : 0);
          for (int f = 0; f < files; f++) {
            if (f > 0) {
              text.append(',');
            }
            text.append("{\"name\":");
            JsonText.appendString(
                text,
                ActivityPhrases.ATTACHMENTS.get(r.nextInt(ActivityPhrases.ATTACHMENTS.size())));
            text.append(",\"size_bytes\":")
                .append((long) Distributions.logNormalWithMedian(r, 350_000, 1.2) + 1024)
                .append('}');
          }
          attachments = text.append(']').toString();
        }
        String lat = "";
        String lng = "";
        String address = "";
        if (type == ActivityType.VISIT) {
          City city = company.city();
          lat = Numbers.fixed(city.latitude() + (r.nextDouble() - 0.5) * 0.12, 6);
          lng = Numbers.fixed(city.longitude() + (r.nextDouble() - 0.5) * 0.12, 6);
          address =
              city.name()
                  + "市"
                  + city.districts().get(r.nextInt(city.districts().size()))
                  + Cities.ROADS.get(r.nextInt(Cities.ROADS.size()))
                  + (1 + r.nextInt(999))
                  + "号";
        }
        long finished = started + duration * 60L;
        long logged =
            SalesCalendar.snapToWorkingHours(
                finished
                    + (long)
                        (r.nextDouble() < 0.1
                            ? 86_400 + r.nextInt(3 * 86_400)
                            : Distributions.logNormalWithMedian(r, 7200, 1.2)),
                r.nextDouble(),
                finished);
        String[] fields = {
          "ACT" + Organisation.pad(i + 1, 7),
          type.label(),
          rep.id(),
          activities.account[i] >= 0 ? book.accounts().get(activities.account[i]).id : "",
          activities.contact[i] >= 0 ? book.contacts().get(activities.contact[i]).id : "",
          activities.lead[i] >= 0 ? leads.get(activities.lead[i]).id : "",
          activities.opportunity[i] >= 0 ? opportunities.get(activities.opportunity[i]).id : "",
          TimeText.crmTimestamp(started),
          Integer.toString(duration),
          summary,
          english ? "en" : "zh",
          r.nextDouble() < 0.6 ? NEED_TYPES[need] : "",
          hasNext
              ? (english ? ActivityPhrases.NEXT_ACTIONS_EN : ActivityPhrases.NEXT_ACTIONS_ZH)
                  .get(
                      r.nextInt(
                          english
                              ? ActivityPhrases.NEXT_ACTIONS_EN.size()
                              : ActivityPhrases.NEXT_ACTIONS_ZH.size()))
              : "",
          hasNext ? TimeText.date(started + (1 + r.nextInt(10)) * 86_400L) : "",
          attachments,
          lat,
          lng,
          address,
          TimeText.crmTimestamp(logged)
        };
        DefectKind defect = dice.roll(i);
        if (defect == null) {
          out.row(fields);
        } else {
          switch (defect) {
            case DUPLICATE_ROW -> {
              String line = out.encode(fields);
              out.writeRecord(line);
              out.writeRecord(line);
            }
            case MALFORMED_FIELD_COUNT ->
                out.writeRecord(out.encode(Arrays.copyOf(fields, fields.length - 1)));
            case MALFORMED_NUMBER -> {
              fields[8] = duration + "分钟";
              out.row(fields);
            }
            case MALFORMED_DATE -> {
              fields[7] = slashDate(started);
              out.row(fields);
            }
            default -> throw new IllegalStateException("unexpected defect " + defect);
          }
        }
      }
      long written = done(out, "crm/activities.csv");
      dice.report(ledger, "crm/activities.csv", written);
      return written;
    }
  }

  public long writeForecastsAndTargets() {
    List<ForecastSubmission> submissions = Forecasts.submissions(world, opportunities);
    DefectDice dice =
        new DefectDice(
            world.random(),
            12,
            new DefectKind[] {DefectKind.MALFORMED_NUMBER, DefectKind.MALFORMED_DATE},
            new double[] {FORECAST_NUMBER_RATE, FORECAST_DATE_RATE});
    long total = 0;
    List<Rep> reps = world.organisation().reps();
    try (CsvWriter out =
        csv(
            "crm/forecast-submissions.csv",
            List.of(
                "forecast_id",
                "submitted_at",
                "week_start",
                "rep_id",
                "opportunity_id",
                "forecast_category",
                "rep_probability",
                "forecast_amount",
                "expected_close_month",
                "trial_agreement_signed",
                "budget_approved",
                "in_tender_review",
                "manager_probability"))) {
      for (int i = 0; i < submissions.size(); i++) {
        ForecastSubmission line = submissions.get(i);
        Opportunity opportunity = opportunities.get(line.opportunity());
        double p = line.repProbability();
        String[] fields = {
          "F" + Organisation.pad(i + 1, 7),
          TimeText.crmTimestamp(line.submittedAt()),
          TimeText.date(line.weekStart()),
          reps.get(line.rep()).id(),
          opportunity.id,
          p >= 0.7 ? "承诺" : p >= 0.4 ? "最佳情况" : "管道",
          Numbers.fixed(p, 2),
          Numbers.money(opportunity.amountFen),
          TimeText.month(line.expectedClose()),
          opportunity.trialSigned ? "是" : "否",
          opportunity.budgetApproved ? "是" : "否",
          opportunity.inTender ? "是" : "否",
          line.hasManagerScore() ? Numbers.fixed(line.managerProbability(), 2) : ""
        };
        DefectKind defect = dice.roll(i);
        if (defect == DefectKind.MALFORMED_NUMBER) {
          fields[6] = Math.round(p * 100) + "%";
        } else if (defect == DefectKind.MALFORMED_DATE) {
          fields[1] = slashDate(line.submittedAt());
        }
        out.row(fields);
      }
      long written = done(out, "crm/forecast-submissions.csv");
      dice.report(ledger, "crm/forecast-submissions.csv", written);
      total += written;
    }
    try (CsvWriter out =
        csv(
            "crm/targets.csv",
            List.of("target_level", "target_owner_id", "month", "target_amount"))) {
      for (Targets.Target target : Targets.targets(world, opportunities)) {
        out.row(
            target.level(),
            target.ownerId(),
            world.calendar().year() + "-" + Organisation.pad(target.month(), 2),
            Numbers.money(target.amountFen()));
      }
      total += done(out, "crm/targets.csv");
    }
    return total;
  }

  /** A timestamp as Excel reformats it (2025/3/4 9:05): unparsable with the documented pattern. */
  static String slashDate(long epochSecond) {
    java.time.LocalDate date = TimeText.chinaDate(epochSecond);
    int second = TimeText.chinaSecondOfDay(epochSecond);
    return date.getYear()
        + "/"
        + date.getMonthValue()
        + "/"
        + date.getDayOfMonth()
        + " "
        + second / 3600
        + ":"
        + Organisation.pad(second / 60 % 60, 2);
  }

  private CsvWriter csv(String relativePath, List<String> header) {
    return new CsvWriter(ledger.resolve(relativePath), StandardCharsets.UTF_8, "\n", header);
  }

  private long done(CsvWriter out, String relativePath) {
    out.finish();
    ledger.fileWritten(relativePath, "UTF-8", out.rows());
    return out.rows();
  }
}
