package io.salesdw.semantic.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestSqlFragments {
  // Regression: the shipped payment_method dimension's expr is 'method', an SQL keyword. The model
  // validator reads a one-word expr as a column; the compiler's parser failed on it ("'method' is
  // not a SQL expression"), so no metric could be grouped by payment_method.
  @Test
  void aOneWordExprIsAColumnEvenWhenItIsAKeyword() {
    assertThat(SqlFragments.qualify("method", "\"t0\"")).isEqualTo("\"t0\".\"method\"");
    assertThat(SqlFragments.identifiers(SqlFragments.parse(" year "))).containsExactly("year");
  }

  @Test
  void anExpressionIsQualifiedColumnByColumn() {
    assertThat(SqlFragments.qualify("CASE WHEN is_received THEN amount ELSE 0 END", "\"t0\""))
        .isEqualTo("CASE WHEN \"t0\".\"is_received\" THEN \"t0\".\"amount\" ELSE 0 END");
  }
}
