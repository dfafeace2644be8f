package io.salesdw.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyDeltaTablesIT {
  @TempDir Path temporary;

  @Test
  void sharesOneConfiguredSessionAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<SparkSession> get = TestingSparkSession::get;
      List<Future<SparkSession>> sessions = pool.invokeAll(List.of(get, get, get, get));
      SparkSession first = sessions.get(0).get();
      for (Future<SparkSession> session : sessions) {
        assertThat(session.get()).isSameAs(first);
      }
      assertThat(first.conf().get("spark.sql.session.timeZone"))
          .isEqualTo(TestingSparkSession.SESSION_TIME_ZONE)
          .isNotEqualTo(java.util.TimeZone.getDefault().getID());
      assertThat(first.conf().get("spark.sql.shuffle.partitions"))
          .isEqualTo(String.valueOf(TestingSparkSession.SHUFFLE_PARTITIONS));
      assertThat(first.sparkContext().master()).isEqualTo("local[2]");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eachCallIsOneCommit() {
    Path table = temporary.resolve("opportunities");
    TinyDeltaTables.create(
        table,
        "opportunity_id BIGINT, stage STRING, amount DECIMAL(12,2)",
        List.of("stage"),
        Map.of("delta.enableDeletionVectors", "true"));
    TinyDeltaTables.insert(table, "(1, 'prospecting', 100.00), (2, 'won', 250.50)");
    TinyDeltaTables.insert(table, "(3, 'won', 75.25)");
    TinyDeltaTables.execute(table, "DELETE FROM {table} WHERE opportunity_id = 2");

    assertThat(TinyDeltaTables.count(table)).isEqualTo(3 - 1);
    // create + two inserts + delete: versions 0..3
    assertThat(history(table)).isEqualTo(4);
    assertThat(table.resolve("stage=won")).isDirectory();
    Row properties =
        TestingSparkSession.get()
            .sql(
                "SHOW TBLPROPERTIES "
                    + TinyDeltaTables.reference(table)
                    + " ('delta.enableDeletionVectors')")
            .first();
    assertThat(properties.getString(1)).isEqualTo("true");
  }

  @Test
  void appendsRowsAndCreatesTheTable() {
    Path table = temporary.resolve("leads");
    StructType schema = StructType.fromDDL("lead_id BIGINT, region STRING");
    TinyDeltaTables.append(
        table,
        schema,
        List.of(RowFactory.create(1L, "华东"), RowFactory.create(2L, "North America")),
        "region");
    TinyDeltaTables.append(table, schema, List.of(RowFactory.create(3L, "华东")));

    assertThat(TinyDeltaTables.count(table)).isEqualTo(3);
    assertThat(history(table)).isEqualTo(2);
    assertThat(Files.isDirectory(table.resolve("region=华东"))).isTrue();
  }

  @Test
  void rejectsAStatementWithoutThePlaceholder() {
    Path table = temporary.resolve("accounts");
    assertThatThrownBy(() -> TinyDeltaTables.execute(table, "DELETE FROM accounts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statement does not mention {table}: DELETE FROM accounts");
  }

  private static long history(Path table) {
    return TestingSparkSession.get()
        .sql("DESCRIBE HISTORY " + TinyDeltaTables.reference(table))
        .count();
  }
}
