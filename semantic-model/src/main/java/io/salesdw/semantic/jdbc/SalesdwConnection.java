package io.salesdw.semantic.jdbc;

import io.salesdw.contracts.SalesdwException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Avatica's connection, reporting the layer's errors as they are: Avatica would prefix their
 * messages ("Error while executing SQL …") and give them no SQLState.
 */
final class SalesdwConnection extends AvaticaConnection {
  SalesdwConnection(
      UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** The connection's Meta, which holds its semantic layer. */
  SemanticMeta semanticMeta() {
    return (SemanticMeta) meta;
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (SQLException e) {
      throw JdbcErrors.unwrap(e);
    }
  }

  @Override
  protected ResultSet executeQueryInternal(
      AvaticaStatement statement,
      Meta.Signature signature,
      Meta.Frame firstFrame,
      QueryState state,
      boolean isUpdate)
      throws SQLException {
    try {
      return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
    } catch (SQLException e) {
      throw JdbcErrors.unwrap(e);
    }
  }

  @Override
  protected Meta.ExecuteResult prepareAndExecuteInternal(
      AvaticaStatement statement, String sql, long maxRowCount)
      throws SQLException, NoSuchStatementException {
    try {
      return super.prepareAndExecuteInternal(statement, sql, maxRowCount);
    } catch (SalesdwException e) {
      throw JdbcErrors.sqlException(e);
    } catch (SQLException e) {
      throw JdbcErrors.unwrap(e);
    }
  }
}
