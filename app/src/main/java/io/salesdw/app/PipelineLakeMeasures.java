package io.salesdw.app;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.delta.tables.DeltaTable;
import io.salesdw.ingestion.LakeTables;
import io.salesdw.orchestration.QualityMeasures;
import io.salesdw.orchestration.QuarantineMeasure;
import io.salesdw.orchestration.ReconciliationMeasure;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the gates measure, read from the lake with Spark. The month's run is built on the latest
 * batch of each source in the ledger ({@code quarantine/batches}): the gates look at those batches'
 * audit rows, and at the month's partition of the monthly marts.
 */
final class PipelineLakeMeasures implements QualityMeasures {
  private static final String JDBC_WATERMARKS = "quarantine/jdbc_watermarks";

  private final PipelineSpark spark;
  private final String lake;

  PipelineLakeMeasures(PipelineSpark spark, String lake) {
    this.spark = spark;
    this.lake = lake;
  }

  @Override
  public List<QuarantineMeasure> quarantine(YearMonth month) {
    List<String> batches = latestBatches();
    List<QuarantineMeasure> measures = new ArrayList<>();
    if (batches.isEmpty()) {
      return measures;
    }
    for (Row row :
        table(LakeTables.AUDIT)
            .filter(col("batch_id").isin(batches.toArray()))
            .groupBy("table_name", "batch_id")
            .agg(sum("rows_read").as("read"), sum("rows_quarantined").as("quarantined"))
            .orderBy("table_name")
            .collectAsList()) {
      measures.add(
          new QuarantineMeasure(
              row.getString(0), row.getString(1), row.getLong(2), row.getLong(3)));
    }
    return measures;
  }

  @Override
  public List<ReconciliationMeasure> reconciliation(YearMonth month) {
    List<ReconciliationMeasure> measures = new ArrayList<>();
    List<String> batches = latestBatches();
    if (!batches.isEmpty()) {
      Map<String, Long> auditRead = new HashMap<>();
      for (Row row :
          table(LakeTables.AUDIT)
              .filter(col("batch_id").isin(batches.toArray()))
              .groupBy("batch_id")
              .agg(sum("rows_read"))
              .collectAsList()) {
        auditRead.put(row.getString(0), row.getLong(1));
      }
      for (Row row :
          table(LakeTables.BATCHES)
              .filter(col("batch_id").isin(batches.toArray()))
              .select("batch_id", "rows_read", "rows_landed", "rows_quarantined")
              .orderBy("batch_id")
              .collectAsList()) {
        String batch = row.getString(0);
        long read = row.getLong(1);
        measures.add(
            new ReconciliationMeasure(
                "batch " + batch + " rows read (ledger vs audit)",
                read,
                auditRead.getOrDefault(batch, 0L)));
        measures.add(
            new ReconciliationMeasure(
                "batch " + batch + " rows read vs landed + quarantined (ledger)",
                read,
                row.getLong(2) + row.getLong(3)));
      }
    }
    if (exists(JDBC_WATERMARKS)) {
      Dataset<Row> marks = table(JDBC_WATERMARKS);
      Dataset<Row> latest =
          marks.groupBy("table_name").agg(max("committed_at").as("latest_commit"));
      for (Row row :
          marks
              .join(
                  latest,
                  marks
                      .col("table_name")
                      .equalTo(latest.col("table_name"))
                      .and(marks.col("committed_at").equalTo(latest.col("latest_commit"))))
              .select(marks.col("table_name"), col("source_rows"), col("lake_rows"))
              .collectAsList()) {
        measures.add(
            new ReconciliationMeasure(
                row.getString(0) + " rows (ERP database vs silver)",
                row.getLong(1),
                row.getLong(2)));
      }
    }
    return measures;
  }

  @Override
  public long martRows(String mart, YearMonth month) {
    String table = "gold/" + mart;
    if (!exists(table)) {
      return 0;
    }
    int monthKey = month.getYear() * 100 + month.getMonthValue();
    return table(table).filter(col("month_key").equalTo(monthKey)).count();
  }

  private List<String> latestBatches() {
    if (!exists(LakeTables.BATCHES)) {
      return List.of();
    }
    Dataset<Row> ledger = table(LakeTables.BATCHES);
    Dataset<Row> latest = ledger.groupBy("source").agg(max("committed_at").as("latest_commit"));
    return ledger
        .join(
            latest,
            ledger
                .col("source")
                .equalTo(latest.col("source"))
                .and(ledger.col("committed_at").equalTo(latest.col("latest_commit"))))
        .select(ledger.col("batch_id"))
        .collectAsList()
        .stream()
        .map(row -> row.getString(0))
        .sorted()
        .toList();
  }

  private boolean exists(String table) {
    return DeltaTable.isDeltaTable(session(), LakeTables.location(lake, table));
  }

  private Dataset<Row> table(String table) {
    return session().read().format("delta").load(LakeTables.location(lake, table));
  }

  private SparkSession session() {
    return spark.get();
  }
}
