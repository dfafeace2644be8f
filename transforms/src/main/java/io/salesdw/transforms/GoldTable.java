package io.salesdw.transforms;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One gold table: its name, grain, the lake tables it reads, whether it is partitioned by month,
 * and how it is computed.
 *
 * @param name the table name under gold/
 * @param grain what one row is, in words (documented in the README)
 * @param inputs the tables read, qualified by zone ({@code silver.crm_leads}, {@code gold.dim_rep})
 * @param monthly true when the table is partitioned by {@value #MONTH_COLUMN} and can be rebuilt
 *     one month at a time
 * @param definition a text that changes whenever the computation does (the SQL, or a version tag)
 * @param builder computes the table's rows
 */
record GoldTable(
    String name,
    String grain,
    List<String> inputs,
    boolean monthly,
    String definition,
    Builder builder) {

  /** The partition column of monthly tables: the month as an int, yyyyMM. */
  static final String MONTH_COLUMN = "month_key";

  GoldTable {
    requireNonNull(name, "name is null");
    requireNonNull(grain, "grain is null");
    inputs = List.copyOf(inputs);
    requireNonNull(definition, "definition is null");
    requireNonNull(builder, "builder is null");
  }

  Optional<String> partitionColumn() {
    return monthly ? Optional.of(MONTH_COLUMN) : Optional.empty();
  }

  /** Computes a gold table's rows from the registered views of its inputs. */
  @FunctionalInterface
  interface Builder {
    Dataset<Row> build(GoldContext context);
  }
}
