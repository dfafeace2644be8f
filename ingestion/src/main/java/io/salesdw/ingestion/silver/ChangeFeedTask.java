package io.salesdw.ingestion.silver;

import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.RowImageConverter;
import io.salesdw.ingestion.mapping.FileMapping;
import io.salesdw.ingestion.mapping.SourceMapping;
import java.io.Serial;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Decodes the CRM change feed inside a Spark task: each change row becomes the canonical values of
 * its entity's contract (an upsert's {@code data} read with the mapping of the entity's export
 * file; a delete's key and time only), or a reason why it cannot be applied.
 */
final class ChangeFeedTask implements FlatMapFunction<Iterator<Row>, Row> {
  @Serial private static final long serialVersionUID = 1L;

  /** Input columns, in this order. */
  static final String[] INPUT =
      new String[] {
        "entity",
        "op",
        "key",
        "changed_at",
        "data",
        "_source_file",
        "_line_number",
        "_ingested_at",
        "_row_hash",
        "raw_payload"
      };

  /** One row per change: its target entity (contract name), the values, or the reason. */
  static final StructType SCHEMA =
      StructType.fromDDL(
          "entity string, op string, changed_at timestamp, `values` array<string>,"
              + " row_hash string, field string, reason string, source_file string,"
              + " line_number bigint, ingested_at timestamp, raw_payload string");

  /** Change-feed entity to the contract entity whose silver table it updates. */
  static final Map<String, String> TARGETS =
      Map.of("lead", "leads", "opportunity", "opportunities", "account", "accounts", "rep", "reps");

  private final String contractsYaml;
  private final String mappingYaml;
  private final String mappingOrigin;

  ChangeFeedTask(String contractsYaml, String mappingYaml, String mappingOrigin) {
    this.contractsYaml = contractsYaml;
    this.mappingYaml = mappingYaml;
    this.mappingOrigin = mappingOrigin;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    SourceContracts contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
    SourceMapping mapping = SourceMapping.parse(mappingYaml, mappingOrigin, contracts);
    Map<String, Optional<RowImageConverter>> converters = new HashMap<>();
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String entity = TARGETS.get(row.getString(0));
      if (entity == null) {
        continue; // bronze admits only the contract's entity codes; nothing else to route
      }
      TableContract contract = contracts.get(SourceSystem.CRM, entity);
      String op = row.getString(1);
      String key = row.getString(2);
      Instant changedAt = instant(row.get(3));
      List<Optional<String>> values = new ArrayList<>();
      contract.columns().forEach(column -> values.add(Optional.empty()));
      String rowHash = row.getString(8);
      String field = null;
      String reason = null;
      if (op.equals("delete")) {
        // A tombstone: the key, and the delete's time as the ordering column.
        values.set(keyIndex(contract), Optional.of(key));
        contract
            .changeOrdering()
            .ifPresent(
                ordering ->
                    values.set(
                        contract.indexOf(ordering).orElseThrow(),
                        Optional.of(Long.toString(micros(changedAt)))));
      } else if (row.isNullAt(4)) {
        field = "data";
        reason = "an upsert without a row image (data is null)";
      } else {
        Optional<RowImageConverter> converter =
            converters.computeIfAbsent(entity, e -> converter(contract, mapping));
        if (converter.isEmpty()) {
          field = "data";
          reason = SilverErrors.noMappingForEntity(entity, mappingOrigin);
        } else {
          RowImageConverter.Converted converted = converter.get().convert(row.getString(4));
          if (converted.reason().isPresent()) {
            field = converted.field().map(f -> "data." + f).orElse("data");
            reason = converted.reason().get();
          } else {
            Optional<String> imageKey = converted.values().get(keyIndex(contract));
            if (!imageKey.equals(Optional.of(key))) {
              field = "key";
              reason =
                  "the image's "
                      + contract.naturalKey().get(0)
                      + " "
                      + imageKey.map(k -> "'" + k + "'").orElse("(missing)")
                      + " is not the change's key '"
                      + key
                      + "'";
            } else {
              values.clear();
              values.addAll(converted.values());
              rowHash = converted.rowHash();
            }
          }
        }
      }
      out.add(
          RowFactory.create(
              entity,
              op,
              Timestamp.from(changedAt),
              values.stream().map(v -> v.orElse(null)).toArray(String[]::new),
              rowHash,
              field,
              reason,
              row.getString(5),
              row.getLong(6),
              row.get(7),
              row.getString(9)));
    }
    return out.iterator();
  }

  private static Optional<RowImageConverter> converter(
      TableContract contract, SourceMapping mapping) {
    return mapping.files().stream()
        .filter(file -> file.entity().equals(contract.entity()))
        .findFirst()
        .map((FileMapping file) -> new RowImageConverter(contract, file));
  }

  /** The change feed's key is one value: the entities it updates have one key column. */
  private static int keyIndex(TableContract contract) {
    return contract.indexOf(contract.naturalKey().get(0)).orElseThrow();
  }

  private static Instant instant(Object value) {
    return value instanceof Instant instant ? instant : ((Timestamp) value).toInstant();
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
