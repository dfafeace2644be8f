package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.delta.tables.DeltaTable;
import io.salesdw.ingestion.LakeTables;
import io.salesdw.ingestion.silver.SilverMerge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code silver/customer_crosswalk}: reads CRM accounts and contacts, ERP customers and chat
 * contacts from the lake, runs {@link CustomerMatcher} and overwrites the crosswalk.
 *
 * <p>Each input is {@code silver/<source>_<entity>} when that table exists, else the latest row per
 * natural key of {@code bronze/<source>_<entity>} (by the contract's change-ordering column, then
 * ingestion time). The tables are collected to the driver and matched in plain Java: they are small
 * (about 42,000 records at scale 1, a few MB), matching needs global state (union-find, ambiguity
 * among all companies) that does not partition, and the same code is then scored against the ground
 * truth without Spark.
 */
public final class CustomerIdentityJob {
  /** The crosswalk table, relative to the lake root. */
  public static final String CROSSWALK_TABLE = "silver/customer_crosswalk";

  private static final Logger LOG = LoggerFactory.getLogger(CustomerIdentityJob.class);

  private static final StructType CROSSWALK_SCHEMA =
      new StructType()
          .add("unified_customer_id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("record_id", DataTypes.StringType, false)
          .add("record_name", DataTypes.StringType, false)
          .add("match_rule", DataTypes.StringType, false)
          .add("evidence", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("batch_id", DataTypes.StringType, false)
          .add("built_at", DataTypes.TimestampType, false);

  private CustomerIdentityJob() {}

  /**
   * Whether the lake holds all three sources the crosswalk matches (CRM accounts, ERP customers,
   * chat contacts), in silver or bronze; until then {@link #run} has nothing to match.
   */
  public static boolean inputsPresent(SparkSession spark, String lakeRoot) {
    for (String table : List.of("crm_accounts", "erp_customers", "chat_contacts")) {
      if (!DeltaTable.isDeltaTable(spark, LakeTables.location(lakeRoot, "silver/" + table))
          && !DeltaTable.isDeltaTable(spark, LakeTables.location(lakeRoot, "bronze/" + table))) {
        return false;
      }
    }
    return true;
  }

  /** Builds the crosswalk from the tables under the lake root and replaces the table. */
  public static CustomerIdentitySummary run(SparkSession spark, String lakeRoot) {
    requireNonNull(spark, "spark is null");
    requireNonNull(lakeRoot, "lakeRoot is null");
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Row> accounts =
        read(spark, lakeRoot, "crm_accounts", List.of("account_id"), Optional.of("updated_at"))
            .orElseThrow(() -> IdentityErrors.missingInput(lakeRoot, "crm_accounts"));
    List<Row> customers =
        read(spark, lakeRoot, "erp_customers", List.of("customer_code"), Optional.of("updated_at"))
            .orElseThrow(() -> IdentityErrors.missingInput(lakeRoot, "erp_customers"));
    List<Row> chatContacts =
        read(spark, lakeRoot, "chat_contacts", List.of("external_userid"), Optional.empty())
            .orElseThrow(() -> IdentityErrors.missingInput(lakeRoot, "chat_contacts"));
    // CRM contacts are optional: without them chat contacts link by name and mobile only.
    List<Row> crmContacts =
        read(spark, lakeRoot, "crm_contacts", List.of("contact_id"), Optional.of("updated_at"))
            .orElse(List.of());
    counts.put("crm_accounts", (long) accounts.size());
    counts.put("erp_customers", (long) customers.size());
    counts.put("chat_contacts", (long) chatContacts.size());
    counts.put("crm_contacts", (long) crmContacts.size());

    Map<String, List<IdentityRecords.AccountContact>> contactsByAccount = new HashMap<>();
    for (Row row : crmContacts) {
      String account = string(row, "account_id").orElseThrow();
      contactsByAccount
          .computeIfAbsent(account, a -> new ArrayList<>())
          .add(
              new IdentityRecords.AccountContact(
                  account, string(row, "phone"), string(row, "wecom_external_userid")));
    }
    List<IdentityRecord> records = new ArrayList<>();
    for (Row row : accounts) {
      String id = string(row, "account_id").orElseThrow();
      records.add(
          IdentityRecords.crmAccount(
              id,
              string(row, "account_name").orElse(""),
              string(row, "unified_social_credit_code"),
              string(row, "phone"),
              string(row, "email"),
              string(row, "region_name"),
              string(row, "city"),
              contactsByAccount.getOrDefault(id, List.of())));
    }
    for (Row row : customers) {
      records.add(
          IdentityRecords.erpCustomer(
              string(row, "customer_code").orElseThrow(),
              string(row, "customer_name").orElse(""),
              string(row, "unified_social_credit_code"),
              string(row, "phone"),
              string(row, "email"),
              string(row, "region_name"),
              string(row, "address")));
    }
    for (Row row : chatContacts) {
      records.add(
          IdentityRecords.chatContact(
              string(row, "external_userid").orElseThrow(),
              string(row, "name"),
              string(row, "corp_name"),
              string(row, "mobile")));
    }
    List<CrosswalkEntry> crosswalk = new CustomerMatcher().match(records);

    Instant builtAt = Instant.now();
    String batchId = batchId(crosswalk);
    Timestamp builtAtTimestamp = Timestamp.from(builtAt);
    List<Row> rows = new ArrayList<>();
    for (CrosswalkEntry entry : crosswalk) {
      rows.add(
          RowFactory.create(
              entry.unifiedCustomerId(),
              entry.source().code(),
              entry.recordId(),
              entry.recordName(),
              entry.matchRule().code(),
              entry.evidence(),
              entry.score(),
              batchId,
              builtAtTimestamp));
    }
    String location = LakeTables.location(lakeRoot, CROSSWALK_TABLE);
    long unified = crosswalk.stream().map(CrosswalkEntry::unifiedCustomerId).distinct().count();
    long matched = crosswalk.stream().filter(e -> e.matchRule() != MatchRule.UNMATCHED).count();
    if (alreadyBuilt(spark, location, batchId)) {
      // The batch id is a digest of the crosswalk's content: the same inputs built it before, so
      // a re-run (of the demo, or of a month in the pipeline) leaves the table as it is.
      LOG.info("customer crosswalk {} is current; nothing to write", batchId);
      return new CustomerIdentitySummary(
          CROSSWALK_TABLE, batchId, counts, unified, matched, builtAt);
    }
    try {
      spark
          .createDataFrame(rows, CROSSWALK_SCHEMA)
          .write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .option("overwriteSchema", "true")
          .option("delta.enableDeletionVectors", "false")
          .save(location);
    } catch (RuntimeException e) {
      throw IdentityErrors.writeFailed(location, e);
    }
    LOG.info(
        "customer crosswalk {}: {} records, {} unified customers, {} matched",
        batchId,
        records.size(),
        unified,
        matched);
    return new CustomerIdentitySummary(CROSSWALK_TABLE, batchId, counts, unified, matched, builtAt);
  }

  /**
   * The rows of {@code silver/<table>}, else the latest version per natural key of {@code
   * bronze/<table>}; empty when neither exists.
   */
  private static Optional<List<Row>> read(
      SparkSession spark,
      String lakeRoot,
      String table,
      List<String> naturalKey,
      Optional<String> changeOrdering) {
    String silver = LakeTables.location(lakeRoot, "silver/" + table);
    String bronze = LakeTables.location(lakeRoot, "bronze/" + table);
    try {
      if (DeltaTable.isDeltaTable(spark, silver)) {
        Dataset<Row> current = spark.read().format("delta").load(silver);
        if (Arrays.asList(current.columns()).contains(SilverMerge.DELETED)) {
          // Silver keeps deletes as tombstones; a deleted record has no identity to match.
          current = current.filter(col(SilverMerge.DELETED).equalTo(false));
        }
        return Optional.of(current.collectAsList());
      }
      if (!DeltaTable.isDeltaTable(spark, bronze)) {
        return Optional.empty();
      }
      Dataset<Row> versions = spark.read().format("delta").load(bronze);
      List<Column> order = new ArrayList<>();
      changeOrdering.ifPresent(c -> order.add(col(c).desc_nulls_last()));
      order.add(col("_ingested_at").desc_nulls_last());
      order.add(col("_row_hash").desc_nulls_last());
      Dataset<Row> latest =
          versions
              .withColumn(
                  "_version_rank",
                  row_number()
                      .over(
                          Window.partitionBy(
                                  naturalKey.stream().map(c -> col(c)).toArray(Column[]::new))
                              .orderBy(order.toArray(Column[]::new))))
              .where(col("_version_rank").equalTo(1))
              .drop("_version_rank");
      return Optional.of(latest.collectAsList());
    } catch (RuntimeException e) {
      throw IdentityErrors.readFailed(table, lakeRoot, e);
    }
  }

  private static Optional<String> string(Row row, String column) {
    if (!Arrays.asList(row.schema().fieldNames()).contains(column)) {
      return Optional.empty();
    }
    Object value = row.get(row.fieldIndex(column));
    return value == null || value.toString().isEmpty()
        ? Optional.empty()
        : Optional.of(value.toString());
  }

  /** {@code identity-} and 16 hex digits of the SHA-256 of the crosswalk's content. */
  private static boolean alreadyBuilt(SparkSession spark, String location, String batchId) {
    if (!DeltaTable.isDeltaTable(spark, location)) {
      return false;
    }
    List<Row> built =
        spark.read().format("delta").load(location).select("batch_id").limit(1).collectAsList();
    return !built.isEmpty() && batchId.equals(built.get(0).getString(0));
  }

  private static String batchId(List<CrosswalkEntry> crosswalk) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (CrosswalkEntry entry : crosswalk) {
        digest.update(
            (entry.unifiedCustomerId()
                    + "\t"
                    + entry.source().code()
                    + "\t"
                    + entry.recordId()
                    + "\t"
                    + entry.matchRule().code()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return "identity-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
