package io.salesdw.semantic.compile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The type of a model expression over a table's columns, where it is plain to see without a full
 * SQL validator (which would need every engine function declared): a column, a cast, a literal, a
 * condition, arithmetic on numbers, or a CASE or COALESCE whose branches agree. Empty otherwise,
 * and then no type check is made.
 */
final class ExpressionTypes {
  private static final Set<SqlKind> CONDITIONS =
      EnumSet.of(
          SqlKind.AND,
          SqlKind.OR,
          SqlKind.NOT,
          SqlKind.IS_NULL,
          SqlKind.IS_NOT_NULL,
          SqlKind.IS_TRUE,
          SqlKind.IS_NOT_TRUE,
          SqlKind.IS_FALSE,
          SqlKind.IS_NOT_FALSE,
          SqlKind.IS_DISTINCT_FROM,
          SqlKind.IS_NOT_DISTINCT_FROM,
          SqlKind.LIKE,
          SqlKind.SIMILAR,
          SqlKind.IN,
          SqlKind.NOT_IN,
          SqlKind.BETWEEN,
          SqlKind.EXISTS);

  private static final Set<SqlKind> ARITHMETIC =
      EnumSet.of(
          SqlKind.PLUS,
          SqlKind.MINUS,
          SqlKind.TIMES,
          SqlKind.DIVIDE,
          SqlKind.MOD,
          SqlKind.MINUS_PREFIX,
          SqlKind.PLUS_PREFIX);

  private ExpressionTypes() {}

  static Optional<SqlTypeName> typeOf(SqlNode node, RelDataType row) {
    if (node instanceof SqlIdentifier identifier) {
      RelDataTypeField field = row.getField(ModelExpressions.lastName(identifier), false, false);
      return field == null ? Optional.empty() : Optional.of(field.getType().getSqlTypeName());
    }
    if (node instanceof SqlLiteral literal) {
      SqlTypeName type = literal.getTypeName();
      return type == SqlTypeName.NULL || type == SqlTypeName.UNKNOWN
          ? Optional.empty()
          : Optional.of(type);
    }
    if (node instanceof SqlCase sqlCase) {
      List<SqlNode> branches = new ArrayList<>(sqlCase.getThenOperands().getList());
      branches.add(sqlCase.getElseOperand());
      return agreed(branches, row);
    }
    if (!(node instanceof SqlCall call)) {
      return Optional.empty();
    }
    SqlKind kind = call.getKind();
    if (SqlKind.COMPARISON.contains(kind) || CONDITIONS.contains(kind)) {
      return Optional.of(SqlTypeName.BOOLEAN);
    }
    if (kind == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec) {
      return Optional.ofNullable(SqlTypeName.get(spec.getTypeName().getSimple()));
    }
    if (kind == SqlKind.COALESCE) {
      return agreed(call.getOperandList(), row);
    }
    if (ARITHMETIC.contains(kind)) {
      for (SqlNode operand : call.getOperandList()) {
        if (!typeOf(operand, row).map(ExpressionTypes::isNumeric).orElse(false)) {
          return Optional.empty();
        }
      }
      return Optional.of(SqlTypeName.DECIMAL);
    }
    return Optional.empty();
  }

  static boolean isNumeric(SqlTypeName type) {
    return SqlTypeName.NUMERIC_TYPES.contains(type);
  }

  static boolean isBoolean(SqlTypeName type) {
    return type == SqlTypeName.BOOLEAN;
  }

  /** A date or a timestamp: what a time dimension can be truncated to a grain from. */
  static boolean isDateOrTimestamp(SqlTypeName type) {
    return type.getFamily() == SqlTypeFamily.DATE || type.getFamily() == SqlTypeFamily.TIMESTAMP;
  }

  /** The type of the branches, when each non-NULL one has a type of the same family. */
  private static Optional<SqlTypeName> agreed(List<SqlNode> branches, RelDataType row) {
    Optional<SqlTypeName> agreed = Optional.empty();
    for (SqlNode branch : branches) {
      if (branch == null || SqlUtil.isNullLiteral(branch, false)) {
        continue;
      }
      Optional<SqlTypeName> type = typeOf(branch, row);
      if (type.isEmpty()
          || (agreed.isPresent() && agreed.get().getFamily() != type.get().getFamily())) {
        return Optional.empty();
      }
      agreed = agreed.or(() -> type);
    }
    return agreed;
  }
}
