package io.salesdw.ingestion.jdbc;

import io.salesdw.contracts.SourceContracts;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.RowImageConverter;
import io.salesdw.ingestion.mapping.FileMapping;
import io.salesdw.ingestion.mapping.SourceMapping;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark task that checks source rows, given as JSON images of their columns, against the entity's
 * contract with the same converter as file exports ({@link RowImageConverter}), so a row read over
 * JDBC gets the canonical values and row hash a CSV row with the same content would. Carries the
 * contracts and mapping as YAML text: the parsed records hold {@code Optional}s, which Java
 * serialization cannot ship.
 */
final class ImageConversion implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Input: the JSON image of a source row and its {@code updated_at} (null without one). */
  static final StructType INPUT =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("raw_payload", DataTypes.StringType, false),
            DataTypes.createStructField("mark", DataTypes.TimestampType, true)
          });

  /** Output: canonical values and row hash, or field and reason; the image; the mark. */
  static final StructType OUTPUT =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(
                "values", DataTypes.createArrayType(DataTypes.StringType, true), false),
            DataTypes.createStructField("row_hash", DataTypes.StringType, true),
            DataTypes.createStructField("field", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("raw_payload", DataTypes.StringType, false),
            DataTypes.createStructField("mark", DataTypes.TimestampType, true)
          });

  private final String contractsYaml;
  private final String mappingYaml;
  private final String mappingOrigin;
  private final String entity;
  private transient RowImageConverter converter;

  ImageConversion(String contractsYaml, String mappingYaml, String mappingOrigin, String entity) {
    this.contractsYaml = contractsYaml;
    this.mappingYaml = mappingYaml;
    this.mappingOrigin = mappingOrigin;
    this.entity = entity;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    RowImageConverter images = converter();
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String image = row.getString(0);
      Timestamp mark = row.isNullAt(1) ? null : row.getTimestamp(1);
      RowImageConverter.Converted converted = images.convert(image);
      String[] values = converted.values().stream().map(v -> v.orElse(null)).toArray(String[]::new);
      out.add(
          RowFactory.create(
              values,
              converted.reason().isPresent() ? null : converted.rowHash(),
              converted.field().orElse(null),
              converted.reason().orElse(null),
              image,
              mark));
    }
    return out.iterator();
  }

  private RowImageConverter converter() {
    if (converter == null) {
      SourceContracts contracts = SourceContracts.parse(contractsYaml, SourceContracts.RESOURCE);
      SourceMapping mapping = SourceMapping.parse(mappingYaml, mappingOrigin, contracts);
      TableContract contract = contracts.find(mapping.source(), entity).orElseThrow();
      Optional<FileMapping> file =
          mapping.files().stream().filter(f -> f.entity().equals(entity)).findFirst();
      converter = new RowImageConverter(contract, file.orElseThrow());
    }
    return converter;
  }
}
