package io.salesdw.semantic.engine;

import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;

/** A stand-in engine that only names its dialect: for tests of the SQL unparsed for it. */
final class PlanOnlyEngine implements SqlEngine {
  private final SqlDialect dialect;

  PlanOnlyEngine(SqlDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public Map<String, Long> refresh(Set<String> tableNames) {
    throw new UnsupportedOperationException("this engine only plans");
  }

  @Override
  public QueryResult execute(String sql) {
    throw new UnsupportedOperationException("this engine only plans");
  }

  @Override
  public QueryResult execute(String sql, QueryLimits limits, QueryCancellation cancellation) {
    throw new UnsupportedOperationException("this engine only plans");
  }

  @Override
  public void close() {}
}
