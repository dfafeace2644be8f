package io.salesdw.semantic.compile;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The SQL expressions of a model (a measure's {@code expr}, a filter) as Calcite parse trees:
 * parsed once, rewritten (qualified by a table alias, names replaced) and printed back as Calcite
 * SQL for the compiled query.
 */
final class SqlFragments {
  /** Prints with double-quoted identifiers, which the compiled query's parser reads back. */
  private static final SqlDialect PRINT_DIALECT =
      new AnsiSqlDialect(
          AnsiSqlDialect.DEFAULT_CONTEXT
              .withIdentifierQuoteString("\"")
              .withUnquotedCasing(Casing.UNCHANGED)
              .withQuotedCasing(Casing.UNCHANGED));

  private SqlFragments() {}

  /** The parser configuration of every query and fragment: names keep their case. */
  static SqlParser.Config parserConfig() {
    return SqlParser.config()
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false);
  }

  /**
   * Parses an expression as the model validator does ({@link ModelExpressions#parse}): one word is
   * a column's name even when it is an SQL keyword, such as {@code method}.
   *
   * @throws IllegalArgumentException with the parser's message (the model validator reports it)
   */
  static SqlNode parse(String expression) {
    try {
      return ModelExpressions.parse(expression);
    } catch (SqlParseException e) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a SQL expression: " + e.getMessage(), e);
    }
  }

  /** Prints an expression as Calcite SQL. */
  static String print(SqlNode node) {
    return node.toSqlString(PRINT_DIALECT).getSql();
  }

  /** Quotes a name as an identifier. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The expression with every unqualified column prefixed by {@code alias}. */
  static String qualify(String expression, String alias) {
    return print(replaceIdentifiers(parse(expression), name -> alias + "." + quote(name)));
  }

  /** The simple (one-part) identifiers an expression reads. */
  static Set<String> identifiers(SqlNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier id) {
            if (id.isSimple()) {
              names.add(id.getSimple());
            }
            return null;
          }
        });
    return names;
  }

  /**
   * Replaces each simple identifier by the expression {@code replacement} gives for its name
   * (parsed), leaving qualified identifiers as they are.
   */
  static SqlNode replaceIdentifiers(SqlNode node, Function<String, String> replacement) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlIdentifier id) {
            if (!id.isSimple() || id.isStar()) {
              return id;
            }
            return parse(replacement.apply(id.getSimple()));
          }

          @Override
          public SqlNode visit(SqlCall call) {
            // The shuttle must not rewrite a function's name, which is not an operand.
            return super.visit(call);
          }
        });
  }

  /**
   * The expression with the dividend of every division cast to {@code DOUBLE}: a derived metric's
   * quotient is then the same on every engine, where a {@code DECIMAL} quotient would take each
   * engine's own scale (Trino keeps the dividend's two decimals; DuckDB returns a double).
   */
  static SqlNode divisionsInDouble(SqlNode node) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (visited == null || visited.getKind() != SqlKind.DIVIDE) {
              return visited;
            }
            SqlCall division = (SqlCall) visited;
            SqlParserPos pos = division.getParserPosition();
            SqlNode dividend =
                SqlStdOperatorTable.CAST.createCall(
                    pos,
                    division.operand(0),
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos));
            return SqlStdOperatorTable.DIVIDE.createCall(pos, dividend, division.operand(1));
          }
        });
  }

  static SqlParserPos zero() {
    return SqlParserPos.ZERO;
  }
}
