package io.salesdw.semantic.engine;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's DuckDB dialect with the fixes that the SQL it unparses needed to run on DuckDB 2.0
 * (STACK.md, "Calcite → DuckDB"): casts to {@code VARCHAR} without a character set, timestamps
 * without a precision, time truncation as DuckDB's {@code DATE_TRUNC}, for every unit including the
 * quarter, keeping Calcite's result type, and no aggregate nested in another.
 */
public final class DuckDbDialect extends DuckDBSqlDialect {
  public static final DuckDbDialect INSTANCE = new DuckDbDialect();

  // date_trunc's parts, by Calcite's unit; a WEEK starts on Monday (ISO), as in DuckDB and Trino.
  private static final Set<TimeUnitRange> TRUNCATION_UNITS =
      Set.of(
          TimeUnitRange.MILLENNIUM,
          TimeUnitRange.CENTURY,
          TimeUnitRange.DECADE,
          TimeUnitRange.YEAR,
          TimeUnitRange.QUARTER,
          TimeUnitRange.MONTH,
          TimeUnitRange.WEEK,
          TimeUnitRange.DAY,
          TimeUnitRange.HOUR,
          TimeUnitRange.MINUTE,
          TimeUnitRange.SECOND,
          TimeUnitRange.MILLISECOND,
          TimeUnitRange.MICROSECOND);

  private final RexBuilder rexBuilder =
      new RexBuilder(new SqlTypeFactoryImpl(LakeTypeSystem.INSTANCE));

  private DuckDbDialect() {
    super(DuckDBSqlDialect.DEFAULT_CONTEXT.withDataTypeSystem(LakeTypeSystem.INSTANCE));
  }

  /** DuckDB rejects {@code VARCHAR CHARACTER SET "ISO-8859-1"}; its strings are all UTF-8. */
  @Override
  public boolean supportsCharSet() {
    return false;
  }

  /**
   * DuckDB rejects an aggregate inside another ({@code SUM(MAX(x))} over a {@code GROUP BY}, which
   * Calcite otherwise unparses for a grand total over a grouped query): keep the inner one in a
   * sub-query.
   */
  @Override
  public boolean supportsNestedAggregations() {
    return false;
  }

  /**
   * DuckDB's {@code TIMESTAMP} has microseconds; {@code TIMESTAMP(3)} is another type ({@code
   * TIMESTAMP_MS}) that most casts reject.
   */
  @Override
  public boolean supportsTimestampPrecision() {
    return false;
  }

  /** A plain {@code VARCHAR}: DuckDB ignores a length, and Calcite's 65536 only adds noise. */
  @Override
  public SqlNode getCastSpec(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.VARCHAR) {
      return new SqlDataTypeSpec(
          new SqlAlienSystemTypeNameSpec("VARCHAR", SqlTypeName.VARCHAR, SqlParserPos.ZERO),
          SqlParserPos.ZERO);
    }
    return super.getCastSpec(type);
  }

  /**
   * DuckDB's {@code DATE_TRUNC} returns a {@code TIMESTAMP} even for a {@code DATE}, where
   * Calcite's {@code FLOOR(date TO unit)} is a {@code DATE}: cast it back, or the result column,
   * and any comparison with a date column, changes type.
   */
  @Override
  public RexNode prepareUnparse(RexNode rex) {
    if (rex instanceof RexCall call
        && call.getKind() == SqlKind.FLOOR
        && call.getOperands().size() == 2
        && call.getType().getSqlTypeName() == SqlTypeName.DATE) {
      RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
      RelDataType timestamp =
          typeFactory.createTypeWithNullability(
              typeFactory.createSqlType(SqlTypeName.TIMESTAMP), call.getType().isNullable());
      RexNode truncated = rexBuilder.makeCall(timestamp, call.getOperator(), call.getOperands());
      return rexBuilder.makeAbstractCast(call.getType(), truncated, false);
    }
    return super.prepareUnparse(rex);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getKind() == SqlKind.FLOOR && call.operandCount() == 2) {
      TimeUnitRange unit = ((SqlLiteral) call.operand(1)).getValueAs(TimeUnitRange.class);
      if (TRUNCATION_UNITS.contains(unit)) {
        writer.print("DATE_TRUNC");
        SqlWriter.Frame frame = writer.startList("(", ")");
        writer.print("'" + unit.name().toLowerCase(Locale.ROOT) + "'");
        writer.sep(",", true);
        call.operand(0).unparse(writer, 0, 0);
        writer.endList(frame);
        return;
      }
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
