package io.salesdw.semantic.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Parses the SQL expressions of a model (exprs, filters, a derived metric's formula) and lists the
 * names they read.
 */
final class ModelExpressions {
  /**
   * Identifiers keep their case, as the lake's columns and the model's names are written; double
   * quotes quote one (a column named like a keyword: {@code "order"}).
   */
  static final SqlParser.Config PARSER_CONFIG =
      SqlParser.config()
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false);

  /** An expr that is one word is a column's name, even when the word is an SQL keyword. */
  private static final Pattern ONE_WORD = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_$]*\\s*");

  private ModelExpressions() {}

  /** The expression, or the parser's complaint. */
  static SqlNode parse(String expr) throws SqlParseException {
    if (ONE_WORD.matcher(expr).matches()) {
      return new SqlIdentifier(expr.strip(), SqlParserPos.ZERO);
    }
    return SqlParser.create(expr, PARSER_CONFIG).parseExpression();
  }

  /** The expression, or empty when it does not parse (reported by {@link ModelExpressionCheck}). */
  static Optional<SqlNode> tryParse(String expr) {
    try {
      return Optional.of(parse(expr));
    } catch (SqlParseException e) {
      return Optional.empty();
    }
  }

  /**
   * What is wrong with an expression that does not parse, and where: {@code at column 3:
   * Encountered "+ *"}.
   */
  static String syntaxError(String expr, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String where =
        pos == null
            ? ""
            : expr.lines().count() > 1
                ? " at line " + pos.getLineNum() + ", column " + pos.getColumnNum()
                : " at column " + pos.getColumnNum();
    String problem = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    problem = problem.replaceFirst(" at line \\d+, column \\d+\\.?$", "");
    return where + ": " + problem;
  }

  /**
   * The names an expression reads, in order: columns of a table, or dimensions, or metrics (without
   * {@code *} and without niladic functions such as {@code CURRENT_DATE}).
   */
  static List<SqlIdentifier> identifiers(SqlNode node) {
    List<SqlIdentifier> found = new ArrayList<>();
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier identifier) {
            if (!identifier.isStar() && !isNiladicFunction(identifier)) {
              found.add(identifier);
            }
            return null;
          }
        });
    return found;
  }

  /** The name an identifier reads: its last part ({@code amount} of {@code t.amount}). */
  static String lastName(SqlIdentifier identifier) {
    return identifier.names.get(identifier.names.size() - 1);
  }

  /** The identifier as written: {@code t.amount}. */
  static String text(SqlIdentifier identifier) {
    return String.join(".", identifier.names);
  }

  /** {@code CURRENT_DATE} and its kind parse as identifiers; they are functions. */
  private static boolean isNiladicFunction(SqlIdentifier identifier) {
    if (!identifier.isSimple()) {
      return false;
    }
    List<SqlOperator> operators = new ArrayList<>();
    SqlStdOperatorTable.instance()
        .lookupOperatorOverloads(
            identifier,
            null,
            SqlSyntax.FUNCTION_ID,
            operators,
            SqlNameMatchers.withCaseSensitive(false));
    return !operators.isEmpty();
  }
}
