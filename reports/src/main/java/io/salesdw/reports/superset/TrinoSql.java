package io.salesdw.reports.superset;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.TrinoSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The model's SQL (views, measure expressions, filters) parsed by Calcite as the semantic layer
 * parses it and unparsed in Trino's dialect, so what Superset sends to Trino is Trino's SQL.
 */
final class TrinoSql {
  private static final SqlParser.Config PARSER =
      SqlParser.config()
          .withCaseSensitive(false)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withConformance(SqlConformanceEnum.LENIENT);

  private TrinoSql() {}

  static SqlNode parseQuery(String sql) {
    try {
      return SqlParser.create(sql, PARSER).parseQuery();
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("Not a query: " + sql + ": " + e.getMessage(), e);
    }
  }

  static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, PARSER).parseExpression();
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("Not an expression: " + sql + ": " + e.getMessage(), e);
    }
  }

  static String print(SqlNode node) {
    return node.toSqlString(TrinoSqlDialect.DEFAULT).getSql();
  }

  /** The one-part names an expression reads. */
  static Set<String> identifiers(SqlNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier id) {
            if (id.isSimple() && !id.isStar()) {
              names.add(id.getSimple());
            }
            return null;
          }
        });
    return names;
  }

  /** The expression with each one-part name replaced by the (parsed) expression given for it. */
  static SqlNode replaceIdentifiers(SqlNode node, Function<String, String> replacement) {
    return node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlIdentifier id) {
            if (!id.isSimple() || id.isStar()) {
              return id;
            }
            return parseExpression(replacement.apply(id.getSimple()));
          }

          @Override
          public SqlNode visit(SqlCall call) {
            return super.visit(call);
          }
        });
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
