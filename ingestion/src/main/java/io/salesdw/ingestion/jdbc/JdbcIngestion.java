package io.salesdw.ingestion.jdbc;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.delta.tables.DeltaTable;
import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestProgress;
import io.salesdw.ingestion.LakeTables;
import io.salesdw.ingestion.mapping.SourceMapping;
import io.salesdw.ingestion.silver.SilverMerge;
import io.salesdw.ingestion.silver.SilverResult;
import io.salesdw.ingestion.silver.SilverTableResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ERP database's tables incrementally over JDBC (Spark's JDBC source) and lands the rows
 * in the same bronze tables as the file exports ({@code bronze/erp_<entity>}, same lineage columns:
 * {@value BronzeIngestion#SOURCE_FILE} is the query's lineage {@code <url>#<schema>.<table>} and
 * {@value BronzeIngestion#LINE_NUMBER} is null), checks them against the contracts (bad rows go to
 * {@value LakeTables#QUARANTINE_ROWS} with the query, field and reason), audits the batch in
 * {@value LakeTables#AUDIT}, merges it into silver, reconciles row counts against the source and
 * records each table's watermark in {@value #WATERMARKS}, last.
 *
 * <p>Watermark rules, for tables whose contract has a change-ordering column ({@code updated_at}):
 * the read is {@code updated_at >= mark - lag OR updated_at IS NULL}, where the mark is the largest
 * {@code updated_at} actually read by earlier runs (never the clock). The boundary is inclusive, so
 * a row committed after the last run with the mark's very timestamp is still read; rows read again
 * are dropped when bronze already holds their row hash (which covers every contract value, {@code
 * updated_at} included), and bad rows when the quarantine already holds their image. Tables without
 * a change-ordering column (product lines, products, price policies) are read whole each run and
 * only rows whose hash differs from the latest landed version of their key are landed. So a run
 * that finds nothing new writes nothing ({@link JdbcIngestResult.Status#NO_CHANGES}), and a run
 * that died before recording its watermarks lands nothing twice when run again.
 *
 * <p>Hard deletes in the source are invisible to a watermark; the reconciliation ({@code count(*)}
 * in the source against live rows in silver) reveals them, as it reveals rows held in quarantine.
 */
public final class JdbcIngestion {
  /** One row per batch and source table: the watermark, counts and the reconciliation. */
  public static final String WATERMARKS = "quarantine/jdbc_watermarks";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcIngestion.class);

  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private static final String JSON_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

  private static final StructType AUDIT_SCHEMA =
      StructType.fromDDL(
          "batch_id string not null, source string not null, table_name string not null,"
              + " files int not null, rows_read bigint not null, rows_landed bigint not null,"
              + " rows_quarantined bigint not null, table_version bigint not null,"
              + " started_at timestamp not null, finished_at timestamp not null");

  private static final StructType WATERMARKS_SCHEMA =
      StructType.fromDDL(
          "batch_id string not null, source string not null, table_name string not null,"
              + " source_query string not null, previous_mark timestamp, high_water_mark timestamp,"
              + " rows_read bigint not null, rows_landed bigint not null,"
              + " rows_quarantined bigint not null, rows_already_landed bigint not null,"
              + " source_rows bigint not null, lake_rows bigint not null,"
              + " reconciled boolean not null, committed_at timestamp not null");

  private final SparkSession spark;
  private final SourceContracts contracts;
  private final String contractsYaml;

  public JdbcIngestion(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
    this.contractsYaml = SourceContracts.resourceText();
    this.contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
  }

  /** The rows of one table read by this run, checked, before anything is written. */
  private record TableRead(
      TableContract contract,
      String query,
      Optional<Instant> previousMark,
      Optional<Instant> highWaterMark,
      Dataset<Row> landing,
      Dataset<Row> quarantined,
      long read,
      long landed,
      long rejected) {
    /** Rows new to the lake: read, minus rows read again that an earlier run landed. */
    long fresh() {
      return landed + rejected;
    }
  }

  /**
   * Reads every table of the source's contracts changed since its watermark, and lands them.
   *
   * @throws io.salesdw.contracts.SalesdwException EXTERNAL when the database cannot be reached or
   *     refuses the credentials (the message names the host, never the password), USER_ERROR when
   *     its tables do not fit the contracts; in both cases no table changed
   */
  public JdbcIngestResult run(JdbcIngestRequest request, IngestProgress progress) {
    requireNonNull(request, "request is null");
    requireNonNull(progress, "progress is null");
    if (request.source() != SourceSystem.ERP) {
      throw JdbcErrors.unsupportedSource(request.source().code());
    }
    long startNanos = System.nanoTime();
    Instant startedAt = Instant.now();
    JdbcSource database = request.database();
    String location = database.url() + "#" + request.schema();
    List<TableContract> tables = contracts.forSource(request.source());
    checkSourceSchema(request, tables);
    progress.report(
        String.format(
            Locale.ROOT,
            "%s: %d tables from %s",
            request.source().code(),
            tables.size(),
            location));

    String mappingYaml = SourceMapping.shippedText(request.source());
    String mappingOrigin = SourceMapping.shippedOrigin(request.source());
    Map<String, Optional<Instant>> marks = previousMarks(request.lake(), location, tables);
    String batchId = batchId(request.source(), location, startedAt);

    List<TableRead> reads = new ArrayList<>();
    for (TableContract contract : tables) {
      String query = location + "." + contract.entity();
      reads.add(
          read(
              request,
              contract,
              query,
              marks.getOrDefault(query, Optional.empty()),
              mappingYaml,
              mappingOrigin,
              progress));
    }
    long changed = reads.stream().mapToLong(TableRead::fresh).sum();
    if (changed == 0) {
      progress.report(request.source().code() + ": no changes since the watermarks; nothing to do");
      Map<String, Long> sourceRows = sourceCounts(request, tables);
      List<JdbcTableResult> results = new ArrayList<>();
      for (TableRead read : reads) {
        results.add(
            result(
                read,
                tableVersion(request.lake(), LakeTables.bronze(read.contract())).orElse(-1L),
                sourceRows.get(read.contract().entity()),
                lakeRows(request.lake(), read.contract(), Optional.empty())));
      }
      return new JdbcIngestResult(
          request.source(),
          location,
          Optional.empty(),
          JdbcIngestResult.Status.NO_CHANGES,
          results,
          Optional.empty(),
          Duration.ofNanos(System.nanoTime() - startNanos));
    }

    // Bronze, quarantine and audit commits carry the batch id as Delta transaction id.
    Timestamp ingestedAt = Timestamp.from(startedAt);
    Map<String, Long> versions = new HashMap<>();
    List<Dataset<Row>> quarantine = new ArrayList<>();
    for (TableRead read : reads) {
      String table = LakeTables.bronze(read.contract());
      if (read.landed() > 0) {
        append(
            read.landing().select(bronzeColumns(read, batchId, ingestedAt)),
            request.lake(),
            table,
            batchId);
      }
      versions.put(table, tableVersion(request.lake(), table).orElse(-1L));
      if (read.rejected() > 0) {
        quarantine.add(
            read.quarantined()
                .select(
                    lit(batchId).as("batch_id"),
                    lit(request.source().code()).as("source"),
                    lit(table).as("table_name"),
                    lit(read.query()).as("source_file"),
                    lit(null).cast(DataTypes.LongType).as("line_number"),
                    col("field"),
                    col("reason"),
                    col("raw_payload"),
                    expr("encode(raw_payload, 'UTF-8')").as("raw_bytes"),
                    lit(ingestedAt).as("quarantined_at")));
      }
      if (read.fresh() > 0) {
        progress.report(
            String.format(
                Locale.ROOT,
                "  %s: %,d read, +%,d landed, %,d quarantined, version %d",
                table,
                read.fresh(),
                read.landed(),
                read.rejected(),
                versions.get(table)));
      }
    }
    if (!quarantine.isEmpty()) {
      append(
          quarantine.stream().reduce(Dataset::unionByName).orElseThrow(),
          request.lake(),
          LakeTables.QUARANTINE_ROWS,
          batchId);
    }
    Timestamp finishedAt = Timestamp.from(Instant.now());
    List<Row> audit = new ArrayList<>();
    for (TableRead read : reads) {
      if (read.fresh() > 0) {
        String table = LakeTables.bronze(read.contract());
        audit.add(
            RowFactory.create(
                batchId,
                request.source().code(),
                table,
                1,
                read.fresh(),
                read.landed(),
                read.rejected(),
                versions.get(table),
                ingestedAt,
                finishedAt));
      }
    }
    append(spark.createDataFrame(audit, AUDIT_SCHEMA), request.lake(), LakeTables.AUDIT, batchId);

    SilverResult silver =
        new SilverMerge(spark).run(request.source(), request.lake(), batchId, progress);

    Map<String, Long> sourceRows = sourceCounts(request, tables);
    List<JdbcTableResult> results = new ArrayList<>();
    List<Row> watermarkRows = new ArrayList<>();
    Timestamp committedAt = Timestamp.from(Instant.now());
    for (TableRead read : reads) {
      JdbcTableResult result =
          result(
              read,
              versions.get(LakeTables.bronze(read.contract())),
              sourceRows.get(read.contract().entity()),
              lakeRows(request.lake(), read.contract(), Optional.of(silver)));
      results.add(result);
      if (!result.reconciled()) {
        progress.report(
            String.format(
                Locale.ROOT,
                "  %s: the source holds %,d rows, silver %,d live rows (%+,d): rows quarantined,"
                    + " or deleted in the source",
                result.table(),
                result.sourceRows(),
                result.lakeRows(),
                result.sourceRows() - result.lakeRows()));
      }
      watermarkRows.add(
          RowFactory.create(
              batchId,
              request.source().code(),
              result.table(),
              result.sourceQuery(),
              result.previousMark().map(Timestamp::from).orElse(null),
              result.highWaterMark().map(Timestamp::from).orElse(null),
              result.rowsRead(),
              result.rowsLanded(),
              result.rowsQuarantined(),
              result.rowsAlreadyLanded(),
              result.sourceRows(),
              result.lakeRows(),
              result.reconciled(),
              committedAt));
    }
    // Last: a run that dies before this line re-reads from the old marks and lands nothing twice.
    append(
        spark.createDataFrame(watermarkRows, WATERMARKS_SCHEMA),
        request.lake(),
        WATERMARKS,
        batchId);
    LOG.debug("landed JDBC batch {} from {}: {}", batchId, location, results);
    return new JdbcIngestResult(
        request.source(),
        location,
        Optional.of(batchId),
        JdbcIngestResult.Status.LANDED,
        results,
        Optional.of(silver),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static JdbcTableResult result(
      TableRead read, long version, long sourceRows, long lakeRows) {
    return new JdbcTableResult(
        LakeTables.bronze(read.contract()),
        read.query(),
        read.previousMark(),
        read.highWaterMark(),
        read.landed() + read.rejected(),
        read.landed(),
        read.rejected(),
        read.read() - read.landed() - read.rejected(),
        version,
        sourceRows,
        lakeRows);
  }

  /** Reads, checks and de-duplicates one table; materialised before anything is written. */
  private TableRead read(
      JdbcIngestRequest request,
      TableContract contract,
      String query,
      Optional<Instant> previousMark,
      String mappingYaml,
      String mappingOrigin,
      IngestProgress progress) {
    Optional<String> ordering = contract.changeOrdering();
    String columns =
        contract.columnNames().stream().map(JdbcIngestion::quote).collect(Collectors.joining(", "));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(columns)
            .append(" FROM ")
            .append(quote(request.schema()))
            .append('.')
            .append(quote(contract.entity()));
    if (ordering.isPresent() && previousMark.isPresent()) {
      Instant from = previousMark.get().minus(request.lag());
      sql.append(" WHERE ")
          .append(quote(ordering.get()))
          .append(" >= TIMESTAMPTZ '")
          .append(from)
          .append("' OR ")
          .append(quote(ordering.get()))
          .append(" IS NULL");
    }
    Dataset<Row> source;
    try {
      Dataset<Row> rows = jdbcReader(request.database()).option("query", sql.toString()).load();
      Column image =
          to_json(
              struct(contract.columnNames().stream().map(n -> col(n)).toArray(Column[]::new)),
              Map.of("timestampFormat", JSON_TIMESTAMP_FORMAT));
      Column mark =
          ordering.isPresent()
              ? col(ordering.get()).cast(DataTypes.TimestampType)
              : lit(null).cast(DataTypes.TimestampType);
      // One snapshot of the read: every later count and write uses these rows, not a re-query.
      source =
          rows.select(image.as("raw_payload"), mark.as("mark"))
              .mapPartitions(
                  new ImageConversion(contractsYaml, mappingYaml, mappingOrigin, contract.entity()),
                  Encoders.row(ImageConversion.OUTPUT))
              .localCheckpoint(true);
    } catch (RuntimeException e) {
      throw JdbcErrors.queryFailed(query, request.database(), e, request.database().password());
    }
    Dataset<Row> good = source.filter(col("reason").isNull());
    Dataset<Row> bad = source.filter(col("reason").isNotNull());
    String bronze = LakeTables.location(request.lake(), LakeTables.bronze(contract));
    if (tableVersion(request.lake(), LakeTables.bronze(contract)).isPresent()) {
      good =
          good.join(
              landedHashes(bronze, contract, previousMark, request.lag()),
              col("row_hash").equalTo(col("landed_hash")),
              "left_anti");
    }
    String quarantineTable = LakeTables.location(request.lake(), LakeTables.QUARANTINE_ROWS);
    if (tableVersion(request.lake(), LakeTables.QUARANTINE_ROWS).isPresent()) {
      Dataset<Row> held =
          readDelta(quarantineTable)
              .filter(col("source_file").equalTo(query))
              .select(col("raw_payload").as("held_payload"))
              .distinct();
      bad = bad.join(held, col("raw_payload").equalTo(col("held_payload")), "left_anti");
    }
    good = good.localCheckpoint(true);
    bad = bad.localCheckpoint(true);
    long read = source.count();
    long landed = good.count();
    long rejected = bad.count();
    Optional<Instant> readMark =
        Optional.ofNullable(source.agg(max(col("mark"))).head().getTimestamp(0))
            .map(Timestamp::toInstant);
    Optional<Instant> highWaterMark =
        previousMark.isPresent() && readMark.isPresent()
            ? Optional.of(
                readMark.get().isAfter(previousMark.get()) ? readMark.get() : previousMark.get())
            : readMark.or(() -> previousMark);
    LOG.debug(
        "{}: {} read since {}, {} new, {} quarantined",
        query,
        read,
        previousMark,
        landed,
        rejected);
    if (read > 0 && landed + rejected == 0) {
      progress.report(
          String.format(
              Locale.ROOT,
              "  %s: %,d rows read again at the watermark, all landed before",
              LakeTables.bronze(contract),
              read));
    }
    return new TableRead(
        contract, query, previousMark, highWaterMark, good, bad, read, landed, rejected);
  }

  /**
   * Row hashes bronze holds that make a row read again redundant: for a table with a watermark,
   * every hash landed at or after the read's lower bound (the hash covers {@code updated_at}); for
   * a table read whole, the hash of the latest landed version of each key, so a key whose values
   * return to an earlier version is landed again.
   */
  private Dataset<Row> landedHashes(
      String bronze, TableContract contract, Optional<Instant> previousMark, Duration lag) {
    Dataset<Row> rows = readDelta(bronze);
    if (contract.changeOrdering().isPresent()) {
      if (previousMark.isPresent()) {
        rows =
            rows.filter(
                col(contract.changeOrdering().get())
                    .geq(lit(Timestamp.from(previousMark.get().minus(lag)))));
      }
      return rows.select(col(BronzeIngestion.ROW_HASH).as("landed_hash")).distinct();
    }
    Column[] key = contract.naturalKey().stream().map(n -> col(n)).toArray(Column[]::new);
    return rows.withColumn(
            "salesdw_rank",
            row_number()
                .over(
                    Window.partitionBy(key)
                        .orderBy(
                            desc(BronzeIngestion.INGESTED_AT), desc(BronzeIngestion.BATCH_ID))))
        .filter(col("salesdw_rank").equalTo(1))
        .select(col(BronzeIngestion.ROW_HASH).as("landed_hash"));
  }

  /** The contract columns cast from their canonical texts, then the lineage columns. */
  private static Column[] bronzeColumns(TableRead read, String batchId, Timestamp at) {
    List<Column> columns = BronzeIngestion.typedContractColumns(read.contract());
    columns.add(lit(batchId).as(BronzeIngestion.BATCH_ID));
    columns.add(lit(read.query()).as(BronzeIngestion.SOURCE_FILE));
    columns.add(lit(null).cast(DataTypes.LongType).as(BronzeIngestion.LINE_NUMBER));
    columns.add(lit(at).as(BronzeIngestion.INGESTED_AT));
    columns.add(col("row_hash").as(BronzeIngestion.ROW_HASH));
    return columns.toArray(Column[]::new);
  }

  /**
   * Connects once and checks, whole, that every table and column the contracts name exists, so a
   * wrong database fails before anything is read; also the clear error for a wrong password or an
   * unreachable host.
   */
  private void checkSourceSchema(JdbcIngestRequest request, List<TableContract> tables) {
    List<String> problems = new ArrayList<>();
    try (Connection connection = connect(request.database())) {
      DatabaseMetaData metadata = connection.getMetaData();
      for (TableContract contract : tables) {
        Set<String> columns = new HashSet<>();
        try (ResultSet result =
            metadata.getColumns(null, request.schema(), contract.entity(), null)) {
          while (result.next()) {
            columns.add(result.getString("COLUMN_NAME"));
          }
        }
        if (columns.isEmpty()) {
          problems.add("no table " + request.schema() + "." + contract.entity());
          continue;
        }
        List<String> missing =
            contract.columnNames().stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
          problems.add(
              request.schema() + "." + contract.entity() + " lacks the columns " + missing);
        }
      }
    } catch (SQLException e) {
      throw JdbcErrors.cannotConnect(request.database(), e, request.database().password());
    }
    if (!problems.isEmpty()) {
      throw JdbcErrors.sourceSchema(request.database(), request.schema(), problems);
    }
  }

  /** {@code count(*)} of every table, in one transaction, over plain JDBC. */
  private Map<String, Long> sourceCounts(JdbcIngestRequest request, List<TableContract> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = connect(request.database())) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement statement = connection.createStatement()) {
        for (TableContract contract : tables) {
          try (ResultSet result =
              statement.executeQuery(
                  "SELECT count(*) FROM "
                      + quote(request.schema())
                      + "."
                      + quote(contract.entity()))) {
            result.next();
            counts.put(contract.entity(), result.getLong(1));
          }
        }
      }
      connection.rollback();
    } catch (SQLException e) {
      throw JdbcErrors.cannotConnect(request.database(), e, request.database().password());
    }
    return counts;
  }

  /** Live rows of the entity's silver table (after this batch's merge, when there was one). */
  private long lakeRows(String lake, TableContract contract, Optional<SilverResult> silver) {
    String table = SilverMerge.silverTable(contract);
    Optional<Long> merged =
        silver.stream()
            .flatMap(s -> s.tables().stream())
            .filter(t -> t.table().equals(table))
            .map(SilverTableResult::liveRows)
            .findFirst();
    if (merged.isPresent()) {
      return merged.get();
    }
    if (tableVersion(lake, table).isEmpty()) {
      return 0;
    }
    return readDelta(LakeTables.location(lake, table))
        .filter(col(SilverMerge.DELETED).equalTo(false))
        .count();
  }

  /** The high-water mark of each table's latest recorded batch from this source location. */
  private Map<String, Optional<Instant>> previousMarks(
      String lake, String location, List<TableContract> tables) {
    Map<String, Optional<Instant>> marks = new HashMap<>();
    if (tableVersion(lake, WATERMARKS).isEmpty()) {
      return marks;
    }
    List<String> queries = tables.stream().map(t -> location + "." + t.entity()).toList();
    List<Row> rows =
        readDelta(LakeTables.location(lake, WATERMARKS))
            .filter(col("source_query").isin(queries.toArray()))
            .withColumn(
                "salesdw_rank",
                row_number().over(Window.partitionBy("source_query").orderBy(desc("committed_at"))))
            .filter(col("salesdw_rank").equalTo(1))
            .select("source_query", "high_water_mark")
            .collectAsList();
    for (Row row : rows) {
      marks.put(
          row.getString(0), Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant));
    }
    return marks;
  }

  private DataFrameReader jdbcReader(JdbcSource database) {
    DataFrameReader reader =
        spark
            .read()
            .format("jdbc")
            .option("url", database.url())
            .option("driver", "org.postgresql.Driver")
            .option("fetchsize", "10000")
            .option("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    database.user().ifPresent(user -> reader.option("user", user));
    database.password().ifPresent(password -> reader.option("password", password));
    return reader;
  }

  private static Connection connect(JdbcSource database) throws SQLException {
    Properties properties = new Properties();
    database.user().ifPresent(user -> properties.setProperty("user", user));
    database.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "salesdw-ingest");
    return DriverManager.getConnection(database.url(), properties);
  }

  private void append(Dataset<Row> rows, String lake, String table, String batchId) {
    String location = LakeTables.location(lake, table);
    try {
      rows.write()
          .format("delta")
          .mode("append")
          .option("txnAppId", "salesdw-ingest-" + batchId)
          .option("txnVersion", 0L)
          .option("mergeSchema", "true")
          .save(location);
    } catch (RuntimeException e) {
      throw JdbcErrors.writeFailed(location, e);
    }
  }

  private Dataset<Row> readDelta(String location) {
    try {
      return spark.read().format("delta").load(location);
    } catch (RuntimeException e) {
      throw JdbcErrors.readFailed(location, e);
    }
  }

  private Optional<Long> tableVersion(String lake, String table) {
    String location = LakeTables.location(lake, table);
    try {
      if (!DeltaTable.isDeltaTable(spark, location)) {
        return Optional.empty();
      }
      return Optional.of(
          DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0));
    } catch (RuntimeException e) {
      throw JdbcErrors.readFailed(location, e);
    }
  }

  /** {@code <source>-} and 16 hex digits of a SHA-256 over the location and the start time. */
  private static String batchId(SourceSystem source, String location, Instant startedAt) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("jdbc\n" + location + "\n" + startedAt + "\n" + System.nanoTime())
                      .getBytes(StandardCharsets.UTF_8));
      return source.code() + "-" + HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
