package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryAuditEntry;
import io.salesdw.semantic.access.QueryAuditLog;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryContext;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.QueryRefusals;
import io.salesdw.semantic.catalog.ModelCatalog;
import io.salesdw.semantic.compile.SemanticModelViews;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.engine.InMemoryTable;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.semantic.jdbc.MetricsViewColumns;
import io.salesdw.semantic.model.SemanticManifest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic service both endpoints serve: users and their secrets from the {@link ServeConfig},
 * failed log-ins throttled, each user's queries at once limited, and every query answered by the
 * {@link SemanticLayer} under the user's policy and limits (which audits it).
 */
public final class GovernedSemanticService implements SemanticService, AutoCloseable {
  /** The audit's schema and table, readable by roles that see the audit. */
  public static final String AUDIT_TABLE = "audit.queries";

  private static final Logger LOG = LoggerFactory.getLogger(GovernedSemanticService.class);
  private static final Comparator<ServedTable> CATALOG_ORDER =
      Comparator.comparing((ServedTable table) -> table.schema().orElse(""))
          .thenComparing(ServedTable::name);

  private final SemanticLayer layer;
  private final BiFunction<String, QueryContext, SemanticAnswer> queries;
  private final Consumer<QueryAuditEntry> audit;
  private final ServeConfig config;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final List<AutoCloseable> owned;
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();
  // Verified against when the user does not exist, so that a wrong user takes as long as a wrong
  // password and the time of a refusal does not tell which it was.
  private final PasswordHash decoy = PasswordHash.ofPassword(PasswordHash.newToken());
  // The model's views and tables do not change while serving; describing the metrics view plans a
  // query per column, so it is done once.
  private volatile List<ServedTable> modelTables;

  /**
   * The service over a layer the caller owns.
   *
   * @param audit the layer's audit log, to which the service adds the queries it refuses itself
   */
  public GovernedSemanticService(
      SemanticLayer layer, QueryAuditLog audit, ServeConfig config, Clock clock) {
    this(layer, layer::query, audit::append, config, clock, List.of());
  }

  /**
   * For tests: queries go to {@code queries} (the layer's, or a fake wrapping it) and the service's
   * own audit entries to {@code audit}.
   */
  GovernedSemanticService(
      SemanticLayer layer,
      BiFunction<String, QueryContext, SemanticAnswer> queries,
      Consumer<QueryAuditEntry> audit,
      ServeConfig config,
      Clock clock,
      List<AutoCloseable> owned) {
    this.layer = requireNonNull(layer, "layer is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.audit = requireNonNull(audit, "audit is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.throttle = new LoginThrottle(config.login(), clock);
    this.owned = owned;
  }

  /**
   * Opens the layer over the lake (DuckDB in-process) with the audit in the configured directory,
   * both owned and closed by the service.
   */
  public static GovernedSemanticService open(
      Path lakeRoot, SemanticManifest manifest, ServeConfig config) {
    requireNonNull(lakeRoot, "lakeRoot is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(config, "config is null");
    QueryAuditLog audit = QueryAuditLog.open(config.auditDirectory(lakeRoot));
    SemanticLayer layer;
    try {
      layer = SemanticLayer.embedded(Lake.open(lakeRoot.toString()), manifest, audit);
    } catch (RuntimeException e) {
      audit.close();
      throw e;
    }
    return new GovernedSemanticService(
        layer, layer::query, audit::append, config, Clock.systemUTC(), List.of(layer, audit));
  }

  public ServeConfig config() {
    return config;
  }

  @Override
  public Principal logIn(String user, String password, String client) {
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(client, "client is null");
    throttle.checkAllowed(user, client);
    Optional<PasswordHash> hash = config.user(user).flatMap(ServeUser::passwordHash);
    boolean right = hash.orElse(decoy).verify(password) && hash.isPresent();
    if (!right) {
      throttle.recordFailure(user, client);
      LOG.info("Refused a log-in with a password from {}", client);
      throw ServeErrors.wrongCredentials();
    }
    throttle.recordSuccess(user, client);
    return config.user(user).orElseThrow().principal();
  }

  @Override
  public Principal logInWithToken(String token, String client) {
    requireNonNull(token, "token is null");
    requireNonNull(client, "client is null");
    // A token names no user: it is throttled by the client's address alone.
    String tokenUser = "token from " + LoginThrottle.address(client);
    throttle.checkAllowed(tokenUser, client);
    Optional<ServeUser> found = Optional.empty();
    // Every user's hash is checked, without stopping at a match, so that the time taken does not
    // tell how far down the list a token's user is.
    for (ServeUser user : config.users()) {
      if (user.tokenHash().map(hash -> hash.verify(token)).orElse(false) && found.isEmpty()) {
        found = Optional.of(user);
      }
    }
    if (found.isEmpty()) {
      throttle.recordFailure(tokenUser, client);
      LOG.info("Refused a log-in with a token from {}", client);
      throw ServeErrors.wrongCredentials();
    }
    throttle.recordSuccess(tokenUser, client);
    return found.get().principal();
  }

  @Override
  public SemanticAnswer execute(
      Principal principal,
      String sql,
      String endpoint,
      String client,
      QueryCancellation cancellation) {
    requireNonNull(principal, "principal is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(client, "client is null");
    requireNonNull(cancellation, "cancellation is null");
    int allowed = config.limits().concurrentQueriesPerUser();
    Semaphore permits = running.computeIfAbsent(principal.user(), user -> new Semaphore(allowed));
    if (!permits.tryAcquire()) {
      SalesdwException refusal = QueryRefusals.tooManyQueries(principal.user(), allowed);
      // The layer never sees this query, so the service audits it.
      audit.accept(
          new QueryAuditEntry(
              clock.instant(),
              Duration.ZERO,
              principal.user(),
              principal.role().name(),
              endpoint,
              client,
              sql,
              List.of(),
              List.of(),
              0,
              QueryOutcome.TOO_MANY_QUERIES,
              Optional.of(refusal.getMessage())));
      throw refusal;
    }
    try {
      SemanticAnswer answer =
          queries.apply(
              sql,
              new QueryContext(
                  principal, endpoint, client, config.limits().queryLimits(), cancellation));
      // The layer stops a query cancelled while it runs (and enforces the row limit); one
      // cancelled just after it answered must not ship its rows either.
      if (cancellation.isCancelled()) {
        throw QueryRefusals.cancelled();
      }
      return answer;
    } finally {
      permits.release();
    }
  }

  @Override
  public ServedCatalog catalog(Principal principal) {
    requireNonNull(principal, "principal is null");
    List<ServedTable> tables = new ArrayList<>();
    for (Map.Entry<String, SortedSet<String>> schema : layer.tableNames(principal).entrySet()) {
      for (String table : schema.getValue()) {
        layer
            .tableColumns(principal, schema.getKey(), table)
            .ifPresent(
                columns ->
                    tables.add(
                        new ServedTable(Optional.of(schema.getKey()), table, "TABLE", columns)));
      }
    }
    tables.addAll(modelTables());
    if (principal.role().auditVisible()) {
      described(AUDIT_TABLE, "TABLE").ifPresent(tables::add);
    }
    tables.sort(CATALOG_ORDER);
    return new ServedCatalog(tables);
  }

  private List<ServedTable> modelTables() {
    List<ServedTable> tables = modelTables;
    if (tables == null) {
      tables = new ArrayList<>();
      tables.add(
          new ServedTable(
              Optional.empty(),
              SemanticQueryRewriter.METRICS_VIEW,
              "VIEW",
              MetricsViewColumns.of(layer)));
      for (String view : SemanticModelViews.of(layer.manifest(), Function.identity()).keySet()) {
        described(SemanticModelViews.SCHEMA + "." + view, "VIEW").ifPresent(tables::add);
      }
      for (InMemoryTable table : ModelCatalog.tables(layer.manifest())) {
        described(ModelCatalog.SCHEMA + "." + table.name(), "TABLE").ifPresent(tables::add);
      }
      modelTables = List.copyOf(tables);
    }
    return tables;
  }

  /** A table or view described by planning a query of none of its rows. */
  private Optional<ServedTable> described(String qualifiedName, String type) {
    int dot = qualifiedName.indexOf('.');
    String schema = qualifiedName.substring(0, dot);
    String name = qualifiedName.substring(dot + 1);
    try {
      List<ResultColumn> columns =
          layer
              .plan("SELECT * FROM \"" + schema + "\".\"" + name + "\" LIMIT 0")
              .planned()
              .columns();
      return Optional.of(
          new ServedTable(
              Optional.of(schema),
              name,
              type,
              columns.stream().map(column -> new TableColumn(column, true)).toList()));
    } catch (SalesdwException e) {
      LOG.debug("{} is left out of the served catalog: {}", qualifiedName, e.getMessage());
      return Optional.empty();
    }
  }

  /** Closes the layer and the audit if the service opened them. */
  @Override
  public void close() {
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not close {}", resource, e);
      }
    }
  }

  @Override
  public String toString() {
    return "GovernedSemanticService[" + config.users().size() + " users]";
  }
}
