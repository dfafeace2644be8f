package io.salesdw.semantic.engine;

import org.apache.calcite.sql.dialect.TrinoSqlDialect;

/** Trino's SQL as Calcite writes it, with the corrections the semantic layer's queries need. */
public final class TrinoDialect extends TrinoSqlDialect {
  public static final TrinoDialect INSTANCE = new TrinoDialect();

  private TrinoDialect() {
    super(TrinoSqlDialect.DEFAULT_CONTEXT);
  }
}
