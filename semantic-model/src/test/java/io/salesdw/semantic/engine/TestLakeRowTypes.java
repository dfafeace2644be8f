package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLakeRowTypes {
  @TempDir Path lakeRoot;

  @Test
  void theGoldZonesTablesWithTheirColumnTypes() {
    TinySalesLake.writeOrders(lakeRoot);
    // Another zone's table, and one nested below gold, are not gold tables.
    OneFileDeltaTable.write(
        lakeRoot,
        "silver/crm_account",
        List.of(OneFileDeltaTable.field("account_id", "long")),
        "SELECT CAST(1 AS BIGINT) AS account_id",
        1);
    OneFileDeltaTable.write(
        lakeRoot,
        "gold/archive/fact_order",
        List.of(OneFileDeltaTable.field("order_no", "string")),
        "SELECT 'SO-0' AS order_no",
        1);

    Map<String, RelDataType> rowTypes =
        LakeRowTypes.ofZone(Lake.open(lakeRoot.toString()), LakeZone.GOLD);

    assertThat(rowTypes).containsOnlyKeys(TinySalesLake.FACT_ORDER);
    RelDataType orders = rowTypes.get(TinySalesLake.FACT_ORDER);
    // TinySalesLake.ORDER_FIELDS: string, long, decimal(12,2), boolean, date, timestamp, integer.
    assertThat(orders.getFieldList())
        .extracting(RelDataTypeField::getName)
        .containsExactly(
            "order_no", "customer_id", "amount", "is_paid", "order_date", "paid_at", "month_key");
    assertThat(orders.getFieldList())
        .extracting(field -> field.getType().getSqlTypeName())
        .containsExactly(
            SqlTypeName.VARCHAR,
            SqlTypeName.BIGINT,
            SqlTypeName.DECIMAL,
            SqlTypeName.BOOLEAN,
            SqlTypeName.DATE,
            SqlTypeName.TIMESTAMP,
            SqlTypeName.INTEGER);
    RelDataType amount = orders.getField("amount", true, false).getType();
    assertThat(amount.getPrecision()).isEqualTo(12);
    assertThat(amount.getScale()).isEqualTo(2);
    assertThat(orders.getField("order_no", true, false).getType().isNullable()).isFalse();
  }
}
