package io.salesdw.semantic.jdbc;

import io.salesdw.contracts.SalesdwException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The embedded salesdw JDBC driver: each connection opens the semantic layer over a lake, in
 * process, and answers metric queries ({@code SELECT region_name, MEASURE(revenue) FROM metrics
 * GROUP BY region_name}) and plain SQL over the gold tables.
 *
 * <pre>{@code
 * try (Connection connection =
 *         DriverManager.getConnection("jdbc:salesdw:lake=/data/lake;model=/data/model");
 *     ResultSet rows = connection.createStatement().executeQuery(
 *         "SELECT region_name, MEASURE(revenue) AS revenue FROM metrics GROUP BY region_name")) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Registered with {@code DriverManager} through {@code META-INF/services/java.sql.Driver}. Built
 * on Avatica as Calcite's own driver is: the JDBC objects are Avatica's, the work is {@link
 * SemanticMeta}'s.
 */
public final class SalesdwDriver extends UnregisteredDriver {
  /** The prefix of the driver's URLs. */
  public static final String URL_PREFIX = "jdbc:salesdw:";

  static final String VERSION = "0.1";

  static {
    new SalesdwDriver().register();
  }

  public SalesdwDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return URL_PREFIX;
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new SalesdwJdbcFactory(instantiateFactory(getFactoryClassName(JdbcVersion.current())));
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("salesdw JDBC driver", VERSION, "salesdw", VERSION, false, 0, 1, 0, 1);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new SemanticMeta(connection);
  }

  /**
   * Opens a connection and, in it, the semantic layer over the URL's lake.
   *
   * @throws SQLException with SQLState 08001 and the layer's message if the lake or the model
   *     cannot be opened or the URL is not valid
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    AvaticaConnection connection = (AvaticaConnection) super.connect(url, info);
    if (connection == null) {
      return null;
    }
    try {
      connection.openConnection();
    } catch (SalesdwException e) {
      connection.close();
      throw JdbcErrors.connectionFailed(e);
    }
    return connection;
  }
}
