package io.salesdw.semantic;

import static io.salesdw.semantic.engine.HandWrittenDeltaTable.field;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.metadata;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.protocol;

import io.salesdw.semantic.engine.HandWrittenDeltaTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A gold zone for the shipped sales model, written without Spark (Parquet by DuckDB, the Delta log
 * by hand), whose every row the tests know. Each table has the gold columns the shipped model
 * reads, with gold's names and types, plus its keys; the tables gold partitions by {@code
 * month_key} are partitioned the same way.
 *
 * <p>What the rows are chosen to show:
 *
 * <ul>
 *   <li>Orders in ten months of 2023 and 2024, with empty months between (running totals, trailing
 *       windows, year-over-year), and an order with no customer and no rep (a NULL group).
 *   <li>Rep {@code REP0001} has two versions in {@code dim_rep} (moved from team {@code T002} to
 *       {@code T001}); only the second is current, so joining without the filter would count its
 *       orders twice.
 *   <li>Regions are reached from orders over two joins (rep, then team); stage transitions and
 *       payments carry their own team. Region {@code 华北} has stage transitions but no orders.
 *   <li>Forecast snapshots are weekly, several a month, so the pipeline at month end is not the sum
 *       of the month's rows.
 *   <li>Leads that become an opportunity within 30 days (one exactly on the 30th day), after 30
 *       days, before the lead was created, or never; one created at 02:00 UTC on the 1st of a month
 *       (still the previous day in the tests' New York zone).
 *   <li>The attainment mart has team and region rows beside the rep rows.
 * </ul>
 */
public final class TinyGoldLake {
  static final String EAST = "华东";
  static final String SOUTH = "华南";
  static final String NORTH = "华北";

  /** A fixture row: its values in the table's column order, Java {@code null} for SQL NULL. */
  interface Row {
    List<Object> values();
  }

  /** A column of a fixture table, with its Delta type. */
  record Column(String name, String deltaType) {}

  // ---------------------------------------------------------------- dimensions

  /** A row of {@code gold/dim_customer}. */
  record Customer(
      String customerId,
      String name,
      Optional<String> industry,
      String regionName,
      String city,
      LocalDate firstSeenDate)
      implements Row {
    @Override
    public List<Object> values() {
      return list(customerId, name, industry.orElse(null), regionName, city, firstSeenDate);
    }
  }

  static final List<Column> CUSTOMER_COLUMNS =
      List.of(
          new Column("unified_customer_id", "string"),
          new Column("customer_name", "string"),
          new Column("industry", "string"),
          new Column("region_name", "string"),
          new Column("city", "string"),
          new Column("first_seen_date", "date"));

  static final List<Customer> CUSTOMERS =
      List.of(
          new Customer("C001", "华信机械", Optional.of("制造"), EAST, "上海", date("2022-11-01")),
          new Customer("C002", "万家零售", Optional.of("零售"), SOUTH, "广州", date("2023-01-02")),
          new Customer("C003", "云端科技", Optional.empty(), NORTH, "北京", date("2023-03-20")),
          new Customer("C004", "鲜丰食品", Optional.of("食品"), SOUTH, "深圳", date("2024-06-01")));

  /** A row of {@code gold/dim_rep}, a type-2 dimension: one row per version of a rep. */
  record Rep(
      String repKey,
      String repId,
      int version,
      String name,
      String level,
      boolean isManager,
      String teamId,
      LocalDate hireDate,
      boolean isCurrent,
      String regionId,
      String managerRepId)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          repKey,
          repId,
          version,
          name,
          level,
          isManager,
          teamId,
          hireDate,
          isCurrent,
          regionId,
          managerRepId);
    }
  }

  static final List<Column> REP_COLUMNS =
      List.of(
          new Column("rep_key", "string"),
          new Column("rep_id", "string"),
          new Column("rep_version", "integer"),
          new Column("rep_name", "string"),
          new Column("level", "string"),
          new Column("is_manager", "boolean"),
          new Column("team_id", "string"),
          new Column("hire_date", "date"),
          new Column("is_current", "boolean"),
          new Column("region_id", "string"),
          new Column("manager_rep_id", "string"));

  // The management hierarchy: REP0002 manages REP0001 (team T001, region R01); REP0004 manages
  // REP0003 (T002, R02) and leads T003 (R03) alone; REP0002 and REP0004 report to no one.
  static final List<Rep> REPS =
      List.of(
          new Rep(
              "REP0001#1",
              "REP0001",
              1,
              "王芳",
              "L1",
              false,
              "T002",
              date("2022-03-01"),
              false,
              "R02",
              "REP0004"),
          new Rep(
              "REP0001#2",
              "REP0001",
              2,
              "王芳",
              "L2",
              false,
              "T001",
              date("2022-03-01"),
              true,
              "R01",
              "REP0002"),
          new Rep(
              "REP0002#1",
              "REP0002",
              1,
              "李娜",
              "M1",
              true,
              "T001",
              date("2021-06-15"),
              true,
              "R01",
              null),
          new Rep(
              "REP0003#1",
              "REP0003",
              1,
              "张伟",
              "L1",
              false,
              "T002",
              date("2023-01-09"),
              true,
              "R02",
              "REP0004"),
          new Rep(
              "REP0004#1",
              "REP0004",
              1,
              "陈杰",
              "L3",
              true,
              "T003",
              date("2020-09-01"),
              true,
              "R03",
              null));

  /** A row of {@code gold/dim_team}. */
  record Team(String teamId, String teamName, String regionId, String regionName) implements Row {
    @Override
    public List<Object> values() {
      return list(teamId, teamName, regionId, regionName);
    }
  }

  static final List<Column> TEAM_COLUMNS =
      List.of(
          new Column("team_id", "string"),
          new Column("team_name", "string"),
          new Column("region_id", "string"),
          new Column("region_name", "string"));

  static final List<Team> TEAMS =
      List.of(
          new Team("T001", "华东一组", "R01", EAST),
          new Team("T002", "华南一组", "R02", SOUTH),
          new Team("T003", "华北一组", "R03", NORTH));

  /** A row of {@code gold/dim_product_line}. */
  record ProductLine(String code, String name, String marginClass) implements Row {
    @Override
    public List<Object> values() {
      return list(code, name, marginClass);
    }
  }

  static final List<Column> PRODUCT_LINE_COLUMNS =
      List.of(
          new Column("product_line_code", "string"),
          new Column("product_line_name", "string"),
          new Column("margin_class", "string"));

  static final List<ProductLine> PRODUCT_LINES =
      List.of(new ProductLine("PL01", "零售与快消SaaS", "A"), new ProductLine("PL02", "工业物联网平台", "B"));

  /** A row of {@code gold/dim_channel}. */
  record Channel(String channelId, String name, long firstTouchSlaMinutes) implements Row {
    @Override
    public List<Object> values() {
      return list(channelId, name, firstTouchSlaMinutes);
    }
  }

  static final List<Column> CHANNEL_COLUMNS =
      List.of(
          new Column("channel_id", "string"),
          new Column("channel_name", "string"),
          new Column("first_touch_sla_minutes", "long"));

  static final List<Channel> CHANNELS =
      List.of(
          new Channel("ads", "广告投放", 60),
          new Channel("referral", "转介绍", 240),
          new Channel("trade_show", "展会", 1440));

  // ---------------------------------------------------------------- facts

  /** A row of {@code gold/fact_order}, partitioned by the order's month. */
  record Order(
      String orderNo,
      LocalDate orderDate,
      Optional<String> customerId,
      Optional<String> repId,
      Optional<String> productLineCode,
      BigDecimal amount,
      BigDecimal grossMargin)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          orderNo,
          monthKey(orderDate),
          orderDate,
          customerId.orElse(null),
          repId.orElse(null),
          productLineCode.orElse(null),
          amount,
          grossMargin);
    }
  }

  static final List<Column> ORDER_COLUMNS =
      List.of(
          new Column("order_no", "string"),
          new Column("month_key", "integer"),
          new Column("order_date", "date"),
          new Column("unified_customer_id", "string"),
          new Column("rep_id", "string"),
          new Column("product_line_code", "string"),
          new Column("amount", "decimal(16,2)"),
          new Column("gross_margin", "decimal(36,2)"));

  static final List<Order> ORDERS =
      List.of(
          order("SO-01", "2023-01-10", "C001", "REP0001", "PL01", "100.00", "40.00"),
          order("SO-02", "2023-01-25", "C002", "REP0003", "PL02", "200.00", "50.00"),
          order("SO-03", "2023-02-14", "C001", "REP0002", "PL01", "50.00", "20.00"),
          order("SO-04", "2023-04-03", "C003", "REP0001", "PL02", "300.00", "60.00"),
          order("SO-05", "2023-07-20", "C002", "REP0003", "PL01", "80.00", "30.00"),
          order("SO-06", "2023-11-30", null, null, "PL01", "40.00", "10.00"),
          order("SO-07", "2024-01-05", "C001", "REP0001", "PL01", "150.00", "60.00"),
          order("SO-08", "2024-01-31", "C002", "REP0002", "PL02", "250.00", "55.00"),
          order("SO-09", "2024-02-29", "C003", "REP0003", "PL01", "60.00", "24.00"),
          order("SO-10", "2024-04-15", "C001", "REP0001", "PL02", "400.00", "100.00"),
          order("SO-11", "2024-07-01", "C002", "REP0002", "PL01", "120.00", "45.00"),
          order("SO-12", "2024-12-31", "C001", "REP0003", null, "90.00", "30.00"));

  /** A row of {@code gold/fact_payment}, partitioned by the due month. */
  record Payment(
      String paymentNo,
      LocalDate dueDate,
      String customerId,
      String repId,
      String teamId,
      BigDecimal amount,
      Optional<String> method,
      boolean received,
      Optional<Integer> daysLate)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          paymentNo,
          monthKey(dueDate),
          customerId,
          repId,
          teamId,
          dueDate,
          amount,
          method.orElse(null),
          received,
          daysLate.orElse(null));
    }
  }

  static final List<Column> PAYMENT_COLUMNS =
      List.of(
          new Column("payment_no", "string"),
          new Column("month_key", "integer"),
          new Column("unified_customer_id", "string"),
          new Column("rep_id", "string"),
          new Column("team_id", "string"),
          new Column("due_date", "date"),
          new Column("amount", "decimal(16,2)"),
          new Column("method", "string"),
          new Column("is_received", "boolean"),
          new Column("days_late", "integer"));

  static final List<Payment> PAYMENTS =
      List.of(
          payment("PAY-01", "2023-02-10", "C001", "REP0001", "T002", "100.00", "bank_transfer", 0),
          payment("PAY-02", "2023-03-15", "C002", "REP0003", "T002", "200.00", "bank_transfer", 5),
          payment("PAY-03", "2024-01-31", "C001", "REP0001", "T001", "150.00", "cheque", 0),
          payment("PAY-04", "2024-02-28", "C002", "REP0002", "T001", "250.00", null, null),
          payment("PAY-05", "2024-05-15", "C003", "REP0003", "T002", "60.00", "cheque", null),
          payment(
              "PAY-06", "2024-06-30", "C001", "REP0001", "T001", "400.00", "bank_transfer", 12));

  /** An opportunity as its stage transitions carry it: owner, team then, amount and deal. */
  record Opportunity(
      String opportunityId,
      String repId,
      String teamId,
      BigDecimal amount,
      String productLineCode,
      String customerId,
      Optional<String> industry,
      Optional<String> channelId) {}

  /** A row of {@code gold/fact_opportunity_stage_transition}, partitioned by the change's month. */
  record StageTransition(
      Opportunity opportunity,
      Instant changedAt,
      Optional<String> fromStage,
      String toStage,
      boolean creation,
      boolean win,
      boolean loss,
      Optional<Boolean> onTime)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          opportunity.opportunityId(),
          monthKey(changedDate()),
          fromStage.orElse(null),
          toStage,
          changedAt,
          creation,
          win,
          loss,
          onTime.orElse(null),
          opportunity.repId(),
          opportunity.teamId(),
          opportunity.amount(),
          opportunity.productLineCode(),
          opportunity.customerId(),
          opportunity.industry().orElse(null),
          opportunity.channelId().orElse(null));
    }

    /** The day of the change, as the model's {@code CAST(changed_at AS DATE)} reads it (UTC). */
    LocalDate changedDate() {
      return utcDate(changedAt);
    }
  }

  static final List<Column> STAGE_TRANSITION_COLUMNS =
      List.of(
          new Column("opportunity_id", "string"),
          new Column("month_key", "integer"),
          new Column("from_stage", "string"),
          new Column("to_stage", "string"),
          new Column("changed_at", "timestamp"),
          new Column("is_creation", "boolean"),
          new Column("is_win", "boolean"),
          new Column("is_loss", "boolean"),
          new Column("is_on_time", "boolean"),
          new Column("rep_id", "string"),
          new Column("team_id", "string"),
          new Column("amount", "decimal(16,2)"),
          new Column("product_line_code", "string"),
          new Column("unified_customer_id", "string"),
          new Column("industry", "string"),
          new Column("channel_id", "string"));

  // OPP-1 belonged to REP0001 while they were in T002 (华南): transitions keep the team of then.
  static final Opportunity OPP_1 =
      opportunity("OPP-1", "REP0001", "T002", "1000.00", "PL01", "C001", "制造", "ads");
  static final Opportunity OPP_2 =
      opportunity("OPP-2", "REP0003", "T002", "500.00", "PL02", "C002", "零售", "referral");
  static final Opportunity OPP_3 =
      opportunity("OPP-3", "REP0004", "T003", "2000.00", "PL01", "C003", null, null);
  static final Opportunity OPP_4 =
      opportunity("OPP-4", "REP0002", "T001", "800.00", "PL02", "C002", "零售", "ads");
  static final Opportunity OPP_5 =
      opportunity("OPP-5", "REP0003", "T002", "300.00", "PL01", "C001", "制造", "trade_show");
  static final Opportunity OPP_6 =
      opportunity("OPP-6", "REP0003", "T002", "150.00", "PL02", "C003", null, "referral");

  private static final String CREATED = "created";
  private static final String WON = "won";
  private static final String LOST = "lost";
  private static final String INITIAL_CONTACT = "initial_contact";

  // A creation is never on time or late (is_on_time NULL).
  static final List<StageTransition> STAGE_TRANSITIONS =
      List.of(
          transition(OPP_1, "2023-03-01T02:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_2, "2023-04-02T03:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_1, "2023-05-10T06:00:00Z", INITIAL_CONTACT, "won", WON, true),
          transition(OPP_2, "2023-06-15T08:00:00Z", INITIAL_CONTACT, "lost", LOST, false),
          transition(OPP_6, "2023-12-01T01:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_3, "2024-01-03T04:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_4, "2024-01-10T05:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_3, "2024-02-01T07:00:00Z", INITIAL_CONTACT, "needs_confirmed", null, true),
          transition(OPP_5, "2024-02-05T09:00:00Z", null, INITIAL_CONTACT, CREATED, null),
          transition(OPP_4, "2024-02-20T10:00:00Z", INITIAL_CONTACT, "lost", LOST, true),
          transition(OPP_3, "2024-03-05T11:00:00Z", "needs_confirmed", "won", WON, false),
          transition(OPP_5, "2024-04-01T12:00:00Z", INITIAL_CONTACT, "won", WON, true),
          transition(OPP_6, "2024-05-06T13:00:00Z", INITIAL_CONTACT, "lost", LOST, false));

  /** A row of {@code gold/fact_forecast_snapshot}: one weekly forecast of one opportunity. */
  record ForecastSnapshot(
      String forecastId,
      LocalDate weekStart,
      String repId,
      String teamId,
      String category,
      BigDecimal repProbability,
      BigDecimal forecastAmount,
      Optional<Integer> outcome)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          forecastId,
          monthKey(weekStart),
          weekStart,
          repId,
          teamId,
          category,
          repProbability,
          forecastAmount,
          outcome.orElse(null));
    }
  }

  static final List<Column> FORECAST_SNAPSHOT_COLUMNS =
      List.of(
          new Column("forecast_id", "string"),
          new Column("month_key", "integer"),
          new Column("week_start", "date"),
          new Column("rep_id", "string"),
          new Column("team_id", "string"),
          new Column("forecast_category", "string"),
          new Column("rep_probability", "decimal(3,2)"),
          new Column("forecast_amount", "decimal(16,2)"),
          new Column("outcome", "integer"));

  static final List<ForecastSnapshot> FORECAST_SNAPSHOTS =
      List.of(
          forecast("FC-01", "2023-12-04", "REP0001", "T001", "pipeline", "0.10", "900.00", 0),
          forecast("FC-02", "2024-01-01", "REP0001", "T001", "commit", "0.80", "1000.00", 1),
          forecast("FC-03", "2024-01-01", "REP0003", "T002", "pipeline", "0.30", "500.00", null),
          forecast("FC-04", "2024-01-08", "REP0001", "T001", "commit", "0.90", "1100.00", 1),
          forecast("FC-05", "2024-01-08", "REP0003", "T002", "best_case", "0.50", "600.00", 0),
          forecast("FC-06", "2024-01-29", "REP0001", "T001", "commit", "0.95", "1200.00", 1),
          forecast("FC-07", "2024-01-29", "REP0002", "T001", "pipeline", "0.20", "300.00", null),
          forecast("FC-08", "2024-02-05", "REP0003", "T002", "best_case", "0.60", "700.00", 0),
          forecast("FC-09", "2024-02-26", "REP0003", "T002", "commit", "0.70", "800.00", 1),
          forecast("FC-10", "2024-02-26", "REP0002", "T001", "pipeline", "0.40", "400.00", null));

  /** A row of {@code gold/fact_lead_lifecycle}, partitioned by the month the lead was created. */
  record Lead(
      String leadId,
      Instant createdAt,
      Optional<String> channelId,
      Optional<String> repId,
      Optional<String> teamId,
      Optional<String> budgetBand,
      String status,
      Optional<Instant> mqlAt,
      Optional<String> opportunityId,
      Optional<Instant> opportunityCreatedAt,
      Optional<Boolean> touchedWithinSla,
      boolean noFollowUp90d,
      Optional<String> customerId)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          leadId,
          monthKey(createdDate()),
          createdAt,
          channelId.orElse(null),
          budgetBand.orElse(null),
          status,
          repId.orElse(null),
          teamId.orElse(null),
          mqlAt.orElse(null),
          opportunityId.orElse(null),
          opportunityCreatedAt.orElse(null),
          customerId.orElse(null),
          touchedWithinSla.orElse(null),
          noFollowUp90d);
    }

    /** The day the lead was created, as the model's {@code CAST(created_at AS DATE)} (UTC). */
    LocalDate createdDate() {
      return utcDate(createdAt);
    }

    Lead assignedTo(String channel, String rep, String team) {
      return new Lead(
          leadId,
          createdAt,
          Optional.of(channel),
          Optional.of(rep),
          Optional.of(team),
          budgetBand,
          status,
          mqlAt,
          opportunityId,
          opportunityCreatedAt,
          touchedWithinSla,
          noFollowUp90d,
          customerId);
    }

    Lead qualifiedAt(String mql) {
      return new Lead(
          leadId,
          createdAt,
          channelId,
          repId,
          teamId,
          budgetBand,
          status,
          Optional.of(Instant.parse(mql)),
          opportunityId,
          opportunityCreatedAt,
          touchedWithinSla,
          noFollowUp90d,
          customerId);
    }

    Lead convertedTo(String opportunity, String opportunityCreated, String customer) {
      return new Lead(
          leadId,
          createdAt,
          channelId,
          repId,
          teamId,
          budgetBand,
          status,
          mqlAt,
          Optional.of(opportunity),
          Optional.of(Instant.parse(opportunityCreated)),
          touchedWithinSla,
          noFollowUp90d,
          Optional.of(customer));
    }

    Lead touchedWithinSla(boolean withinSla) {
      return new Lead(
          leadId,
          createdAt,
          channelId,
          repId,
          teamId,
          budgetBand,
          status,
          mqlAt,
          opportunityId,
          opportunityCreatedAt,
          Optional.of(withinSla),
          noFollowUp90d,
          customerId);
    }

    Lead withoutFollowUp() {
      return new Lead(
          leadId,
          createdAt,
          channelId,
          repId,
          teamId,
          budgetBand,
          status,
          mqlAt,
          opportunityId,
          opportunityCreatedAt,
          touchedWithinSla,
          true,
          customerId);
    }

    /** Days from the lead's creation to its opportunity's, by UTC dates, if it has one. */
    Optional<Long> daysToOpportunity() {
      return opportunityCreatedAt.map(at -> utcDate(at).toEpochDay() - createdDate().toEpochDay());
    }
  }

  static final List<Column> LEAD_COLUMNS =
      List.of(
          new Column("lead_id", "string"),
          new Column("month_key", "integer"),
          new Column("created_at", "timestamp"),
          new Column("channel_id", "string"),
          new Column("budget_band", "string"),
          new Column("status", "string"),
          new Column("rep_id", "string"),
          new Column("team_id", "string"),
          new Column("mql_at", "timestamp"),
          new Column("opportunity_id", "string"),
          new Column("opportunity_created_at", "timestamp"),
          new Column("unified_customer_id", "string"),
          new Column("first_touch_within_sla", "boolean"),
          new Column("no_follow_up_90d", "boolean"));

  static final List<Lead> LEADS =
      List.of(
          // The opportunity predates the lead (a recycled lead): no conversion.
          lead("LD-1", "2023-06-15T01:00:00Z", "converted", "100k_to_500k")
              .assignedTo("ads", "REP0002", "T001")
              .qualifiedAt("2023-06-16T02:00:00Z")
              .convertedTo("OPP-L1", "2023-06-14T09:00:00Z", "C001")
              .touchedWithinSla(true),
          lead("LD-2", "2023-06-20T03:00:00Z", "working", "over_500k")
              .assignedTo("trade_show", "REP0003", "T002")
              .touchedWithinSla(false)
              .withoutFollowUp(),
          // 15 days: converted.
          lead("LD-3", "2024-01-05T09:00:00Z", "converted", "over_500k")
              .assignedTo("ads", "REP0001", "T001")
              .qualifiedAt("2024-01-06T09:00:00Z")
              .convertedTo("OPP-L3", "2024-01-20T10:00:00Z", "C001")
              .touchedWithinSla(true),
          // The 30th day: converted (the window includes its last day).
          lead("LD-4", "2024-01-10T09:00:00Z", "converted", "under_100k")
              .assignedTo("referral", "REP0002", "T001")
              .qualifiedAt("2024-01-12T01:00:00Z")
              .convertedTo("OPP-L4", "2024-02-09T08:00:00Z", "C002")
              .touchedWithinSla(false),
          // 36 days: too late. No budget band.
          lead("LD-5", "2024-01-15T06:00:00Z", "converted", null)
              .assignedTo("ads", "REP0003", "T002")
              .convertedTo("OPP-L5", "2024-02-20T06:00:00Z", "C003")
              .touchedWithinSla(true),
          // Never touched: first_touch_within_sla is NULL.
          lead("LD-6", "2024-01-20T07:00:00Z", "working", "over_500k")
              .assignedTo("trade_show", "REP0003", "T002")
              .qualifiedAt("2024-01-22T07:00:00Z")
              .withoutFollowUp(),
          // 1 February in UTC (and Shanghai), 31 January in New York; 29 days (a leap year).
          lead("LD-7", "2024-02-01T02:00:00Z", "converted", "under_100k")
              .assignedTo("referral", "REP0001", "T001")
              .qualifiedAt("2024-02-02T02:00:00Z")
              .convertedTo("OPP-L7", "2024-03-01T12:00:00Z", "C004")
              .touchedWithinSla(true),
          // No channel, rep or team.
          lead("LD-8", "2024-02-10T05:00:00Z", "invalid", "100k_to_500k").touchedWithinSla(false),
          // 5 days: converted.
          lead("LD-9", "2024-02-20T08:00:00Z", "converted", "100k_to_500k")
              .assignedTo("ads", "REP0002", "T001")
              .qualifiedAt("2024-02-21T08:00:00Z")
              .convertedTo("OPP-L9", "2024-02-25T08:00:00Z", "C002")
              .touchedWithinSla(true));

  // ---------------------------------------------------------------- marts

  /** A row of {@code gold/mart_target_attainment}: one owner (rep, team or region) and month. */
  record TargetAttainment(
      String level,
      String ownerId,
      int monthKey,
      BigDecimal targetAmount,
      Optional<BigDecimal> wonAmount)
      implements Row {
    @Override
    public List<Object> values() {
      return list(level, ownerId, monthKey, targetAmount, wonAmount.orElse(null));
    }

    LocalDate month() {
      return LocalDate.of(monthKey / 100, monthKey % 100, 1);
    }
  }

  static final List<Column> TARGET_ATTAINMENT_COLUMNS =
      List.of(
          new Column("target_level", "string"),
          new Column("owner_id", "string"),
          new Column("month_key", "integer"),
          new Column("target_amount", "decimal(18,2)"),
          new Column("won_amount", "decimal(18,2)"));

  static final List<TargetAttainment> TARGET_ATTAINMENT =
      List.of(
          target("rep", "REP0001", 202304, "700.00", "700.00"),
          target("rep", "REP0001", 202401, "1000.00", "1200.00"),
          target("rep", "REP0002", 202401, "800.00", "400.00"),
          target("rep", "REP0003", 202401, "500.00", null),
          target("team", "T001", 202401, "1800.00", "1600.00"),
          target("region", "R01", 202401, "2300.00", "1600.00"),
          target("rep", "REP0001", 202402, "1000.00", "500.00"),
          target("rep", "REP0003", 202402, "600.00", "900.00"),
          target("team", "T002", 202402, "600.00", "900.00"));

  /** A row of {@code gold/mart_customer_value}. */
  record CustomerValue(
      String customerId,
      Optional<String> acquisitionChannel,
      LocalDate firstPurchaseDate,
      double probabilityAlive,
      Optional<BigDecimal> predictedLtv36m)
      implements Row {
    @Override
    public List<Object> values() {
      return list(
          customerId,
          acquisitionChannel.orElse(null),
          firstPurchaseDate,
          probabilityAlive,
          predictedLtv36m.orElse(null));
    }
  }

  static final List<Column> CUSTOMER_VALUE_COLUMNS =
      List.of(
          new Column("unified_customer_id", "string"),
          new Column("acquisition_channel", "string"),
          new Column("first_purchase_date", "date"),
          new Column("probability_alive", "double"),
          new Column("predicted_ltv_36m", "decimal(18,2)"));

  // C005 has no row in dim_customer: its region is NULL.
  static final List<CustomerValue> CUSTOMER_VALUES =
      List.of(
          customerValue("C001", "ads", "2023-01-10", 0.9, "5000.00"),
          customerValue("C002", "referral", "2023-01-25", 0.6, "3000.50"),
          customerValue("C003", null, "2023-04-03", 0.3, null),
          customerValue("C004", "ads", "2024-07-01", 0.75, "1200.00"),
          customerValue("C005", "existing", "2024-12-31", 0.5, "800.25"));

  /** The first and last day of {@code gold/dim_date}. */
  static final LocalDate FIRST_DATE = date("2022-01-01");

  static final LocalDate LAST_DATE = date("2025-12-31");

  private TinyGoldLake() {}

  /** Writes every table, version 0, under {@code lakeRoot/gold}. */
  public static void write(Path lakeRoot) {
    writeTable(lakeRoot, "dim_customer", CUSTOMER_COLUMNS, false, CUSTOMERS);
    writeTable(lakeRoot, "dim_rep", REP_COLUMNS, false, REPS);
    writeTable(lakeRoot, "dim_team", TEAM_COLUMNS, false, TEAMS);
    writeTable(lakeRoot, "dim_product_line", PRODUCT_LINE_COLUMNS, false, PRODUCT_LINES);
    writeTable(lakeRoot, "dim_channel", CHANNEL_COLUMNS, false, CHANNELS);
    writeTable(lakeRoot, "fact_order", ORDER_COLUMNS, true, ORDERS);
    writeTable(lakeRoot, "fact_payment", PAYMENT_COLUMNS, true, PAYMENTS);
    writeTable(
        lakeRoot,
        "fact_opportunity_stage_transition",
        STAGE_TRANSITION_COLUMNS,
        true,
        STAGE_TRANSITIONS);
    writeTable(
        lakeRoot, "fact_forecast_snapshot", FORECAST_SNAPSHOT_COLUMNS, true, FORECAST_SNAPSHOTS);
    writeTable(lakeRoot, "fact_lead_lifecycle", LEAD_COLUMNS, true, LEADS);
    writeTable(
        lakeRoot, "mart_target_attainment", TARGET_ATTAINMENT_COLUMNS, true, TARGET_ATTAINMENT);
    writeTable(lakeRoot, "mart_customer_value", CUSTOMER_VALUE_COLUMNS, false, CUSTOMER_VALUES);
    TinyHealthMarts.write(lakeRoot);
    writeDimDate(lakeRoot);
  }

  /**
   * Writes a table: one file, or one file per {@code month_key} in Spark's {@code
   * month_key=202401/} layout, the partition column then only in the log.
   */
  static void writeTable(
      Path lakeRoot,
      String name,
      List<Column> columns,
      boolean partitionedByMonth,
      List<? extends Row> rows) {
    HandWrittenDeltaTable table = new HandWrittenDeltaTable(lakeRoot, "gold/" + name);
    List<String> fields = new ArrayList<>();
    columns.forEach(column -> fields.add(field(column.name(), column.deltaType(), true)));
    List<String> actions = new ArrayList<>();
    actions.add(protocol());
    if (!partitionedByMonth) {
      actions.add(metadata(fields, List.of(), Map.of()));
      table.writeParquet("part-0.parquet", valuesQuery(columns, rows, -1));
      actions.add(table.add("part-0.parquet", Map.of(), rows.size()));
    } else {
      int partition = columnIndex(columns, "month_key");
      actions.add(metadata(fields, List.of("month_key"), Map.of()));
      Map<Integer, List<Row>> byMonth = new TreeMap<>();
      for (Row row : rows) {
        byMonth
            .computeIfAbsent((Integer) row.values().get(partition), month -> new ArrayList<>())
            .add(row);
      }
      byMonth.forEach(
          (monthKey, monthRows) -> {
            String path = "month_key=" + monthKey + "/part-0.parquet";
            table.writeParquet(path, valuesQuery(columns, monthRows, partition));
            actions.add(
                table.add(
                    path, Map.of("month_key", Optional.of(monthKey.toString())), monthRows.size()));
          });
    }
    table.commit(0, actions.toArray(String[]::new));
  }

  /** A DuckDB query of the rows, each value cast to its column's type, less one column. */
  private static String valuesQuery(List<Column> columns, List<? extends Row> rows, int skip) {
    List<String> tuples = new ArrayList<>();
    for (Row row : rows) {
      List<Object> values = row.values();
      if (values.size() != columns.size()) {
        throw new IllegalStateException(row + " has " + values.size() + " values");
      }
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        if (i != skip) {
          literals.add(literal(values.get(i), columns.get(i).deltaType()));
        }
      }
      tuples.add("(" + String.join(", ", literals) + ")");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (i != skip) {
        names.add(columns.get(i).name());
      }
    }
    return "SELECT * FROM (VALUES "
        + String.join(", ", tuples)
        + ") AS t("
        + String.join(", ", names)
        + ")";
  }

  private static String literal(Object value, String deltaType) {
    String text = value == null ? "NULL" : "'" + value.toString().replace("'", "''") + "'";
    return "CAST(" + text + " AS " + duckDbType(deltaType) + ")";
  }

  /** DuckDB's type for a Delta type; a timestamp is an instant, written with its zone. */
  private static String duckDbType(String deltaType) {
    return switch (deltaType) {
      case "string" -> "VARCHAR";
      case "integer" -> "INTEGER";
      case "long" -> "BIGINT";
      case "double" -> "DOUBLE";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMPTZ";
      default -> {
        if (!deltaType.startsWith("decimal(")) {
          throw new IllegalArgumentException(deltaType);
        }
        yield deltaType.toUpperCase(Locale.ROOT);
      }
    };
  }

  /**
   * Writes {@code gold/dim_date}, the calendar from {@link #FIRST_DATE} to {@link #LAST_DATE}, with
   * gold's columns (weeks start on Monday; the fiscal year is the calendar year, as the shipped
   * calendar.yaml says).
   */
  private static void writeDimDate(Path lakeRoot) {
    HandWrittenDeltaTable table = new HandWrittenDeltaTable(lakeRoot, "gold/dim_date");
    List<String> fields =
        List.of(
            field("date_key", "integer", true),
            field("date", "date", true),
            field("year", "integer", true),
            field("quarter", "integer", true),
            field("month", "integer", true),
            field("month_key", "integer", true),
            field("month_start", "date", true),
            field("day_of_month", "integer", true),
            field("day_of_week", "integer", true),
            field("is_weekend", "boolean", true),
            field("week_start", "date", true),
            field("fiscal_year", "integer", true),
            field("fiscal_year_start", "date", true),
            field("fiscal_quarter", "integer", true),
            field("fiscal_month", "integer", true));
    table.writeParquet(
        "part-0.parquet",
        "SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key, d AS date,"
            + " CAST(year(d) AS INTEGER) AS year, CAST(quarter(d) AS INTEGER) AS quarter,"
            + " CAST(month(d) AS INTEGER) AS month,"
            + " CAST(year(d) * 100 + month(d) AS INTEGER) AS month_key,"
            + " CAST(date_trunc('month', d) AS DATE) AS month_start,"
            + " CAST(day(d) AS INTEGER) AS day_of_month, CAST(isodow(d) AS INTEGER) AS day_of_week,"
            + " isodow(d) >= 6 AS is_weekend, CAST(date_trunc('week', d) AS DATE) AS week_start,"
            + " CAST(year(d) AS INTEGER) AS fiscal_year,"
            + " CAST(date_trunc('year', d) AS DATE) AS fiscal_year_start,"
            + " CAST(quarter(d) AS INTEGER) AS fiscal_quarter,"
            + " CAST(month(d) AS INTEGER) AS fiscal_month"
            + " FROM (SELECT CAST(range AS DATE) AS d FROM range(DATE '"
            + FIRST_DATE
            + "', DATE '"
            + LAST_DATE.plusDays(1)
            + "', INTERVAL 1 DAY))");
    long days = LAST_DATE.toEpochDay() - FIRST_DATE.toEpochDay() + 1;
    table.commit(
        0,
        protocol(),
        metadata(fields, List.of(), Map.of()),
        table.add("part-0.parquet", Map.of(), days));
  }

  // ---------------------------------------------------------------- helpers

  static int monthKey(LocalDate date) {
    return date.getYear() * 100 + date.getMonthValue();
  }

  static LocalDate utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static int columnIndex(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  private static Order order(
      String orderNo,
      String orderDate,
      String customerId,
      String repId,
      String productLineCode,
      String amount,
      String grossMargin) {
    return new Order(
        orderNo,
        date(orderDate),
        Optional.ofNullable(customerId),
        Optional.ofNullable(repId),
        Optional.ofNullable(productLineCode),
        new BigDecimal(amount),
        new BigDecimal(grossMargin));
  }

  /** A payment, received when it has a number of days late (0: on time). */
  private static Payment payment(
      String paymentNo,
      String dueDate,
      String customerId,
      String repId,
      String teamId,
      String amount,
      String method,
      Integer daysLate) {
    return new Payment(
        paymentNo,
        date(dueDate),
        customerId,
        repId,
        teamId,
        new BigDecimal(amount),
        Optional.ofNullable(method),
        daysLate != null,
        Optional.ofNullable(daysLate));
  }

  private static Opportunity opportunity(
      String opportunityId,
      String repId,
      String teamId,
      String amount,
      String productLineCode,
      String customerId,
      String industry,
      String channelId) {
    return new Opportunity(
        opportunityId,
        repId,
        teamId,
        new BigDecimal(amount),
        productLineCode,
        customerId,
        Optional.ofNullable(industry),
        Optional.ofNullable(channelId));
  }

  /** A stage change; {@code kind} is {@link #CREATED}, {@link #WON}, {@link #LOST} or null. */
  private static StageTransition transition(
      Opportunity opportunity,
      String changedAt,
      String fromStage,
      String toStage,
      String kind,
      Boolean onTime) {
    return new StageTransition(
        opportunity,
        Instant.parse(changedAt),
        Optional.ofNullable(fromStage),
        toStage,
        CREATED.equals(kind),
        WON.equals(kind),
        LOST.equals(kind),
        Optional.ofNullable(onTime));
  }

  private static ForecastSnapshot forecast(
      String forecastId,
      String weekStart,
      String repId,
      String teamId,
      String category,
      String repProbability,
      String forecastAmount,
      Integer outcome) {
    return new ForecastSnapshot(
        forecastId,
        date(weekStart),
        repId,
        teamId,
        category,
        new BigDecimal(repProbability),
        new BigDecimal(forecastAmount),
        Optional.ofNullable(outcome));
  }

  /** A lead of no channel, rep or team, not qualified, not converted, not touched. */
  private static Lead lead(String leadId, String createdAt, String status, String budgetBand) {
    return new Lead(
        leadId,
        Instant.parse(createdAt),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(budgetBand),
        status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  private static TargetAttainment target(
      String level, String ownerId, int monthKey, String targetAmount, String wonAmount) {
    return new TargetAttainment(
        level,
        ownerId,
        monthKey,
        new BigDecimal(targetAmount),
        Optional.ofNullable(wonAmount).map(BigDecimal::new));
  }

  private static CustomerValue customerValue(
      String customerId,
      String acquisitionChannel,
      String firstPurchaseDate,
      double probabilityAlive,
      String predictedLtv36m) {
    return new CustomerValue(
        customerId,
        Optional.ofNullable(acquisitionChannel),
        date(firstPurchaseDate),
        probabilityAlive,
        Optional.ofNullable(predictedLtv36m).map(BigDecimal::new));
  }
}
