package io.salesdw.generator.erp;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.output.CsvWriter;
import io.salesdw.generator.output.DefectDice;
import io.salesdw.generator.output.DefectKind;
import io.salesdw.generator.output.LineWriter;
import io.salesdw.generator.output.Numbers;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Writes the ERP export: one CSV per table (with malformed rows injected into payments and delivery
 * tickets) and, on request, erp.sql — PostgreSQL 15 DDL and batched INSERTs of the same rows,
 * malformed ones left out.
 */
public final class ErpFiles {
  public static final double PAYMENT_NUMBER_RATE = 0.003;
  public static final double PAYMENT_DATE_RATE = 0.003;
  public static final double TICKET_FIELD_COUNT_RATE = 0.003;

  /** Rows per INSERT statement: big enough for speed, small enough for psql's memory. */
  static final int INSERT_BATCH = 500;

  private final World world;
  private final OutputLedger ledger;
  private final ErpBooks books;

  public ErpFiles(World world, OutputLedger ledger, ErpBooks books) {
    this.world = world;
    this.ledger = ledger;
    this.books = books;
  }

  /** Writes the CSVs, erp.sql if asked and the customer-lifetime ground truth; returns rows. */
  public long write(boolean sql) {
    long total = 0;
    List<ErpTable> tables = books.tables();
    BitSet[] malformed = new BitSet[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      malformed[t] = new BitSet();
      total += writeCsv(tables.get(t), malformed[t]);
    }
    if (sql) {
      writeSql(tables, malformed);
    }
    total += writeLifetimes();
    return total;
  }

  private long writeCsv(ErpTable table, BitSet malformed) {
    DefectDice dice = null;
    if (table == books.payments) {
      dice =
          new DefectDice(
              world.random(),
              30,
              new DefectKind[] {DefectKind.MALFORMED_NUMBER, DefectKind.MALFORMED_DATE},
              new double[] {PAYMENT_NUMBER_RATE, PAYMENT_DATE_RATE});
    } else if (table == books.tickets) {
      dice =
          new DefectDice(
              world.random(),
              31,
              new DefectKind[] {DefectKind.MALFORMED_FIELD_COUNT},
              new double[] {TICKET_FIELD_COUNT_RATE});
    }
    try (CsvWriter out =
        new CsvWriter(ledger.resolve(table.file), StandardCharsets.UTF_8, "\n", table.header())) {
      for (int i = 0; i < table.rows.size(); i++) {
        String[] row = table.rows.get(i);
        DefectKind defect = dice == null ? null : dice.roll(i);
        if (defect == null) {
          out.row(row);
          continue;
        }
        malformed.set(i);
        String[] broken = row.clone();
        switch (defect) {
          case MALFORMED_NUMBER -> broken[6] = thousands(row[6]);
          case MALFORMED_DATE -> broken[4] = row[4].replace('-', '/');
          case MALFORMED_FIELD_COUNT -> broken = Arrays.copyOf(row, row.length + 1);
          default -> throw new IllegalStateException("unexpected defect " + defect);
        }
        if (defect == DefectKind.MALFORMED_FIELD_COUNT) {
          broken[row.length] = "备注";
          out.writeRecord(out.encode(broken));
        } else {
          out.row(broken);
        }
      }
      out.finish();
      long rows = out.rows();
      ledger.fileWritten(table.file, "UTF-8", rows);
      if (dice != null) {
        dice.report(ledger, table.file, rows);
      }
      if (table == books.customerTable) {
        reportCustomerDefects(rows);
      }
      return rows;
    }
  }

  private void reportCustomerDefects(long rows) {
    long phone = 0;
    long region = 0;
    long duplicates = 0;
    long variants = 0;
    for (ErpBooks.Customer customer : books.customers) {
      phone += customer.phoneMissing ? 1 : 0;
      region += customer.regionMissing ? 1 : 0;
      duplicates += customer.duplicateOf >= 0 ? 1 : 0;
      variants += customer.variant != CompanyNameVariant.CANONICAL ? 1 : 0;
    }
    String file = books.customerTable.file;
    ledger.defect(file, DefectKind.MISSING_FIELD, "phone", phone, rows);
    ledger.defect(file, DefectKind.MISSING_FIELD, "region_name", region, rows);
    ledger.defect(file, DefectKind.DUPLICATE_ENTITY, null, duplicates, rows);
    ledger.defect(file, DefectKind.NAME_VARIANT, null, variants, rows);
  }

  /** 1234567.00 as an accountant types it: 1,234,567.00 — not a plain decimal. */
  static String thousands(String money) {
    int dot = money.indexOf('.');
    String whole = money.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(whole.charAt(i));
    }
    if (whole.length() <= 3) {
      // Too short for a thousands separator: the currency sign breaks it instead.
      return "￥" + money;
    }
    return out.append(money.substring(dot)).toString();
  }

  private void writeSql(List<ErpTable> tables, BitSet[] malformed) {
    String path = "erp/erp.sql";
    long inserted = 0;
    try (LineWriter out = new LineWriter(ledger.resolve(path))) {
      out.line(
          "-- ERP export of the salesdw generator (seed and scale in manifest.json), for PostgreSQL 15.");
      out.line("-- Load with: psql -v ON_ERROR_STOP=1 -f erp.sql");
      out.line("SET client_encoding = 'UTF8';");
      out.line("SET standard_conforming_strings = on;");
      out.line("SET client_min_messages = warning;");
      out.line("BEGIN;");
      for (int t = tables.size() - 1; t >= 0; t--) {
        out.line("DROP TABLE IF EXISTS " + tables.get(t).sqlName + " CASCADE;");
      }
      StringBuilder statement = new StringBuilder(1 << 16);
      for (int t = 0; t < tables.size(); t++) {
        ErpTable table = tables.get(t);
        statement.setLength(0);
        statement.append("CREATE TABLE ").append(table.sqlName).append(" (\n");
        for (ErpTable.Column column : table.columns) {
          statement
              .append("  ")
              .append(column.name())
              .append(' ')
              .append(column.sqlType())
              .append(",\n");
        }
        for (int c = 0; c < table.constraints.size(); c++) {
          statement
              .append("  ")
              .append(table.constraints.get(c))
              .append(c + 1 < table.constraints.size() ? ",\n" : "\n");
        }
        out.line(statement.append(");"));
        String prefix =
            "INSERT INTO " + table.sqlName + " (" + String.join(", ", table.header()) + ") VALUES";
        int inBatch = 0;
        statement.setLength(0);
        for (int i = 0; i < table.rows.size(); i++) {
          if (malformed[t].get(i)) {
            continue;
          }
          if (inBatch == 0) {
            statement.append(prefix).append('\n');
          } else {
            statement.append(",\n");
          }
          appendValues(statement, table, table.rows.get(i));
          inserted++;
          if (++inBatch == INSERT_BATCH) {
            out.line(statement.append(';'));
            statement.setLength(0);
            inBatch = 0;
          }
        }
        if (inBatch > 0) {
          out.line(statement.append(';'));
        }
      }
      out.line("COMMIT;");
      out.finish();
      ledger.fileWritten(path, "UTF-8", inserted);
    }
  }

  private static void appendValues(StringBuilder out, ErpTable table, String[] row) {
    out.append('(');
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        out.append(", ");
      }
      String value = row[c];
      if (value == null || value.isEmpty()) {
        out.append("NULL");
      } else if (table.columns.get(c).quoted()) {
        appendLiteral(out, value);
      } else {
        out.append(value);
      }
    }
    out.append(')');
  }

  /**
   * A standard SQL string literal: quotes doubled (backslashes are plain with standard strings).
   */
  static StringBuilder appendLiteral(StringBuilder out, String value) {
    out.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        out.append('\'');
      }
      out.append(c);
    }
    return out.append('\'');
  }

  private long writeLifetimes() {
    String path = "ground-truth/customer-lifetimes.csv";
    try (CsvWriter out =
        new CsvWriter(
            ledger.resolve(path),
            StandardCharsets.UTF_8,
            "\n",
            List.of(
                "customer_code",
                "company_id",
                "first_purchase_date",
                "purchase_rate_per_month",
                "dropout_probability",
                "dropped_out_date",
                "purchase_occasions"))) {
      for (ErpBooks.Customer customer : books.customers) {
        if (customer.lifetime < 0) {
          continue;
        }
        CustomerLifetime lifetime = books.lifetimes.get(customer.lifetime);
        Company company = world.market().companies().get(customer.company);
        out.row(
            customer.code,
            company.id(),
            TimeText.date(LocalDate.ofEpochDay(lifetime.purchaseDays()[0])),
            Numbers.fixed(lifetime.purchaseRatePerMonth(), 6),
            Numbers.fixed(lifetime.dropoutProbability(), 6),
            lifetime.droppedOutDay() >= 0
                ? TimeText.date(LocalDate.ofEpochDay(lifetime.droppedOutDay()))
                : "",
            Integer.toString(lifetime.purchaseDays().length));
      }
      out.finish();
      ledger.fileWritten(path, "UTF-8", out.rows());
      return out.rows();
    }
  }
}
