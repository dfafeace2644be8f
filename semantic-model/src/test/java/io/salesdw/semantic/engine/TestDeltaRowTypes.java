package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.DeltaColumn;
import io.salesdw.lake.DeltaColumnType;
import io.salesdw.lake.DeltaColumnType.Kind;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TestDeltaRowTypes {
  private final SqlTypeFactoryImpl typeFactory = new SqlTypeFactoryImpl(LakeTypeSystem.INSTANCE);

  @Test
  void everyDeltaTypeTheLayerReadsHasItsSqlType() {
    List<DeltaColumn> columns =
        List.of(
            new DeltaColumn("order_no", DeltaColumnType.of(Kind.STRING), false),
            new DeltaColumn("line", DeltaColumnType.of(Kind.BYTE), true),
            new DeltaColumn("quantity", DeltaColumnType.of(Kind.SHORT), true),
            new DeltaColumn("month_key", DeltaColumnType.of(Kind.INTEGER), true),
            new DeltaColumn("customer_id", DeltaColumnType.of(Kind.LONG), true),
            new DeltaColumn("discount", DeltaColumnType.of(Kind.FLOAT), true),
            new DeltaColumn("weight", DeltaColumnType.of(Kind.DOUBLE), true),
            new DeltaColumn("gross_margin", DeltaColumnType.decimal(36, 2), true),
            new DeltaColumn("is_paid", DeltaColumnType.of(Kind.BOOLEAN), true),
            new DeltaColumn("order_date", DeltaColumnType.of(Kind.DATE), true),
            new DeltaColumn("paid_at", DeltaColumnType.of(Kind.TIMESTAMP), true));

    RelDataType row = DeltaRowTypes.rowType(typeFactory, "gold/fact_order", columns);

    assertThat(row.getFieldNames())
        .containsExactlyElementsOf(columns.stream().map(DeltaColumn::name).toList());
    assertThat(row.getFieldList())
        .extracting(field -> field.getType().getSqlTypeName())
        .containsExactly(
            SqlTypeName.VARCHAR,
            SqlTypeName.TINYINT,
            SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER,
            SqlTypeName.BIGINT,
            SqlTypeName.REAL,
            SqlTypeName.DOUBLE,
            SqlTypeName.DECIMAL,
            SqlTypeName.BOOLEAN,
            SqlTypeName.DATE,
            SqlTypeName.TIMESTAMP);
    assertThat(row.getFieldList())
        .extracting(field -> field.getType().isNullable())
        .containsExactly(false, true, true, true, true, true, true, true, true, true, true);
    // Wider than Calcite's default limit of 19 digits, and microseconds.
    RelDataTypeField margin = row.getField("gross_margin", true, false);
    assertThat(margin.getType().getPrecision()).isEqualTo(36);
    assertThat(margin.getType().getScale()).isEqualTo(2);
    assertThat(row.getField("paid_at", true, false).getType().getPrecision()).isEqualTo(6);
  }

  @Test
  void aTypeTheLayerDoesNotReadIsAnErrorNamingTheColumn() {
    List<DeltaColumn> columns =
        List.of(
            new DeltaColumn("message_id", DeltaColumnType.of(Kind.LONG), false),
            new DeltaColumn("attachments", DeltaColumnType.other("array<string>"), true));

    assertThatThrownBy(() -> DeltaRowTypes.rowType(typeFactory, "gold/fact_chat_message", columns))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith(
            "The column 'attachments' of the Delta table 'gold/fact_chat_message' has the type"
                + " array<string>, which the semantic layer does not read");
  }
}
