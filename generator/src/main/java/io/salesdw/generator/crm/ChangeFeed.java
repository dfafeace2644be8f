package io.salesdw.generator.crm;

import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.output.DefectKind;
import io.salesdw.generator.output.JsonText;
import io.salesdw.generator.output.LineWriter;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM change feed: an upsert with the full row image for every change of a lead, opportunity,
 * account or rep in the year (and a delete for deleted opportunities), one JSON Lines file per
 * month, with late, out-of-order, duplicated and broken records injected at known rates.
 */
public final class ChangeFeed {
  public static final double LATE_RATE = 0.015;

  /** Chance a record is picked to be late; some picks are void (December, key already used). */
  static final double LATE_ATTEMPT = 0.017;

  public static final double OUT_OF_ORDER_RATE = 0.01;

  /**
   * Chance a record is picked to go out of order; picks without a later change of the key are void.
   */
  static final double OUT_OF_ORDER_ATTEMPT = 0.015;

  public static final double DUPLICATE_RATE = 0.005;
  public static final double MALFORMED_RATE = 0.001;

  private static final byte LEAD = 0;
  private static final byte OPPORTUNITY = 1;
  private static final byte ACCOUNT = 2;
  private static final byte REP = 3;
  private static final String[] ENTITY_NAMES = {"lead", "opportunity", "account", "rep"};
  private static final List<List<String>> COLUMNS =
      List.of(
          CrmRows.LEAD_COLUMNS,
          CrmRows.OPPORTUNITY_COLUMNS,
          CrmRows.ACCOUNT_COLUMNS,
          CrmRows.REP_COLUMNS);

  private final World world;
  private final OutputLedger ledger;
  private final CrmFiles files;
  private final List<Lead> leads;
  private final List<Opportunity> opportunities;
  private final AccountBook book;

  public ChangeFeed(
      World world,
      OutputLedger ledger,
      CrmFiles files,
      List<Lead> leads,
      List<Opportunity> opportunities,
      AccountBook book) {
    this.world = world;
    this.ledger = ledger;
    this.files = files;
    this.leads = leads;
    this.opportunities = opportunities;
    this.book = book;
  }

  /** Writes the monthly files; returns the records written. */
  public long write() {
    long start = world.calendar().start();
    long end = world.calendar().end();
    // Pack (entity, index, delete flag) into one long beside the time for a cheap sort.
    List<long[]> events = new ArrayList<>();
    for (Lead lead : leads) {
      addUpserts(events, CrmRows.leadEvents(lead), pack(LEAD, lead.index, false), start, end);
    }
    for (Opportunity opportunity : opportunities) {
      long[] times = Arrays.copyOf(opportunity.enteredAt, opportunity.enteredAt.length + 2);
      times[opportunity.enteredAt.length] = opportunity.closedAt;
      times[opportunity.enteredAt.length + 1] = opportunity.successorAt;
      long until = end;
      if (opportunity.deleted) {
        // Entered by mistake: created, then deleted within days.
        times = new long[] {opportunity.createdAt};
        until = Math.min(end, opportunity.deletedAt);
        if (opportunity.deletedAt < end) {
          events.add(
              new long[] {opportunity.deletedAt, pack(OPPORTUNITY, opportunity.index, true)});
        }
      }
      addUpserts(events, times, pack(OPPORTUNITY, opportunity.index, false), start, until);
    }
    for (Account account : book.accounts()) {
      long[] times = {account.createdAt, account.successorAt, account.editedAt};
      addUpserts(events, times, pack(ACCOUNT, account.index, false), start, end);
    }
    for (Rep rep : world.organisation().reps()) {
      long[] times = new long[rep.teamHistory().size() + 2];
      times[0] = rep.hiredAt();
      times[1] = rep.leftAt() == Long.MAX_VALUE ? -1 : rep.leftAt();
      for (int k = 0; k < rep.teamHistory().size(); k++) {
        times[2 + k] = rep.teamHistory().get(k).from();
      }
      addUpserts(events, times, pack(REP, rep.index(), false), start, end);
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

    int months = 12;
    List<List<Integer>> byMonth = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      byMonth.add(new ArrayList<>());
    }
    for (int i = 0; i < events.size(); i++) {
      byMonth.get(TimeText.chinaDate(events.get(i)[0]).getMonthValue() - 1).add(i);
    }

    long late = 0;
    long outOfOrder = 0;
    long duplicates = 0;
    long malformed = 0;
    long total = 0;
    List<Integer> carried = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      List<Integer> records = byMonth.get(m);
      int n = records.size();
      // Next record of the same key in this month's file.
      int[] nextSameKey = new int[n];
      Map<Long, Integer> lastSeen = new HashMap<>();
      for (int p = n - 1; p >= 0; p--) {
        long key = events.get(records.get(p))[1] & ~1L;
        Integer next = lastSeen.put(key, p);
        nextSameKey[p] = next == null ? -1 : next;
      }
      byte[] defect = new byte[n];
      boolean[] locked = new boolean[n];
      Map<Long, Boolean> keyUsed = new HashMap<>();
      for (int p = 0; p < n; p++) {
        if (locked[p]) {
          continue;
        }
        int record = records.get(p);
        long key = events.get(record)[1] & ~1L;
        double u = world.random().uniform(RandomStream.CHANGE_FEED, record, 0);
        if (u < OUT_OF_ORDER_ATTEMPT) {
          int next = nextSameKey[p];
          if (next >= 0
              && !locked[next]
              && defect[next] == 0
              && keyUsed.putIfAbsent(key, true) == null) {
            defect[p] = 1;
            locked[next] = true;
          }
        } else if (u < OUT_OF_ORDER_ATTEMPT + LATE_ATTEMPT) {
          if (m < months - 1 && keyUsed.putIfAbsent(key, true) == null) {
            defect[p] = 2;
          }
        } else if (u < OUT_OF_ORDER_ATTEMPT + LATE_ATTEMPT + DUPLICATE_RATE) {
          defect[p] = 3;
        } else if (u < OUT_OF_ORDER_ATTEMPT + LATE_ATTEMPT + DUPLICATE_RATE + MALFORMED_RATE) {
          defect[p] = 4;
        }
      }
      String path =
          "crm/changes/changes-"
              + world.calendar().year()
              + "-"
              + Organisation.pad(m + 1, 2)
              + ".jsonl";
      List<Integer> nextCarried = new ArrayList<>();
      try (LineWriter out = new LineWriter(ledger.resolve(path))) {
        for (int record : carried) {
          out.line(render(record, events.get(record)));
        }
        late += carried.size();
        int[] deferredAfter = new int[n];
        Arrays.fill(deferredAfter, -1);
        for (int p = 0; p < n; p++) {
          if (defect[p] == 1) {
            deferredAfter[nextSameKey[p]] = p;
          }
        }
        for (int p = 0; p < n; p++) {
          int record = records.get(p);
          switch (defect[p]) {
            case 1 -> {
              continue;
            }
            case 2 -> {
              nextCarried.add(record);
              continue;
            }
            case 3 -> {
              String line = render(record, events.get(record));
              out.line(line);
              out.line(line);
              duplicates++;
            }
            case 4 -> {
              String line = render(record, events.get(record));
              out.line(line.substring(0, line.length() * 3 / 5));
              malformed++;
            }
            default -> out.line(render(record, events.get(record)));
          }
          if (deferredAfter[p] >= 0) {
            out.line(
                render(records.get(deferredAfter[p]), events.get(records.get(deferredAfter[p]))));
            outOfOrder++;
          }
        }
        out.finish();
        total += out.lines();
        ledger.fileWritten(path, "UTF-8", out.lines());
      }
      carried = nextCarried;
    }
    String feed = "crm/changes/changes-*.jsonl";
    ledger.defect(feed, DefectKind.LATE_CHANGE, null, late, total);
    ledger.defect(feed, DefectKind.OUT_OF_ORDER_CHANGE, null, outOfOrder, total);
    ledger.defect(feed, DefectKind.DUPLICATE_CHANGE, null, duplicates, total);
    ledger.defect(feed, DefectKind.MALFORMED_JSON, null, malformed, total);
    return total;
  }

  /**
   * One upsert per distinct change instant in [from, until); -1 marks events that did not happen.
   */
  private static void addUpserts(
      List<long[]> events, long[] times, long packed, long from, long until) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    long previous = Long.MIN_VALUE;
    for (long t : sorted) {
      if (t >= from && t < until && t != previous) {
        events.add(new long[] {t, packed});
        previous = t;
      }
    }
  }

  private static long pack(byte entity, int index, boolean delete) {
    return ((long) entity << 40) | ((long) index << 1) | (delete ? 1 : 0);
  }

  private String render(int sequence, long[] event) {
    long t = event[0];
    int entity = (int) (event[1] >>> 40);
    int index = (int) ((event[1] & ((1L << 40) - 1)) >>> 1);
    boolean delete = (event[1] & 1) == 1;
    String key;
    String[] row = null;
    switch (entity) {
      case LEAD -> {
        Lead lead = leads.get(index);
        key = lead.id;
        row = files.rows().lead(lead, t);
      }
      case OPPORTUNITY -> {
        Opportunity opportunity = opportunities.get(index);
        key = opportunity.id;
        if (!delete) {
          row = files.rows().opportunity(opportunity, t, t);
        }
      }
      case ACCOUNT -> {
        Account account = book.accounts().get(index);
        key = account.id;
        row = files.rows().account(account, t, t);
      }
      default -> {
        Rep rep = world.organisation().reps().get(index);
        key = rep.id();
        row = files.rows().rep(rep, t, t);
      }
    }
    StringBuilder out = new StringBuilder(512);
    out.append("{\"change_id\":\"CH").append(Organisation.pad(sequence + 1, 7)).append('"');
    out.append(",\"entity\":\"").append(ENTITY_NAMES[entity]).append('"');
    out.append(",\"op\":\"").append(delete ? "delete" : "upsert").append('"');
    out.append(",\"key\":");
    JsonText.appendString(out, key);
    out.append(",\"changed_at\":\"");
    TimeText.appendCrmTimestamp(out, t).append('"');
    out.append(",\"data\":");
    if (row == null) {
      out.append("null");
    } else {
      List<String> columns = COLUMNS.get(entity);
      out.append('{');
      for (int c = 0; c < columns.size(); c++) {
        JsonText.appendName(out, columns.get(c), c == 0);
        JsonText.appendString(out, row[c].isEmpty() ? null : row[c]);
      }
      out.append('}');
    }
    return out.append('}').toString();
  }
}
