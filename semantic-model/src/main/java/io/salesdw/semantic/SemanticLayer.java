package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.AccessGuard;
import io.salesdw.semantic.access.GoldAccessRules;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryAuditEntry;
import io.salesdw.semantic.access.QueryAuditLog;
import io.salesdw.semantic.access.QueryContext;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.QueryRefusals;
import io.salesdw.semantic.access.RepHierarchy;
import io.salesdw.semantic.access.RepScope;
import io.salesdw.semantic.access.RowScope;
import io.salesdw.semantic.catalog.ModelCatalog;
import io.salesdw.semantic.compile.RewrittenQuery;
import io.salesdw.semantic.compile.SemanticModelViews;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.engine.DuckDbEngine;
import io.salesdw.semantic.engine.ExecutedQuery;
import io.salesdw.semantic.engine.PlannedQuery;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.SqlEngine;
import io.salesdw.semantic.engine.SqlPlanner;
import io.salesdw.semantic.engine.SqlView;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.semantic.model.SemanticManifest;
import java.sql.JDBCType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlDialect;

/**
 * The governed-metrics layer as one object: analysts' SQL in (metrics as {@code MEASURE(metric)}
 * {@code FROM metrics}, or plain SQL over the gold tables), one governed answer out. Each query is
 * rewritten from the semantic model, validated and planned by Calcite, unparsed into the engine's
 * dialect and run by the engine on the current Delta snapshot. The model itself is queryable as
 * {@code catalog.metrics}, {@code catalog.dimensions} and {@code catalog.metric_lineage} ({@link
 * ModelCatalog}).
 *
 * <pre>{@code
 * try (SemanticLayer layer = SemanticLayer.embedded(Lake.open("lake"), SemanticManifestLoader.loadShipped())) {
 *   SemanticAnswer answer = layer.query(
 *       "SELECT region_name, MEASURE(win_rate) FROM metrics GROUP BY region_name");
 * }
 * }</pre>
 *
 * <p>Recent queries' rewrites and plans are kept: a re-run of the same text over tables with no new
 * commit skips both (STACK.md measured planning, not DuckDB, as the cost of a repeated query).
 * Calls may come from several threads; the engine runs one query at a time.
 */
public final class SemanticLayer implements AutoCloseable {
  private static final int CACHED_REWRITES = 256;
  // EXPLAIN [PLAN FOR] query: what a served user may ask to see of a query's guarded plan.
  private static final Pattern EXPLAIN =
      Pattern.compile(
          "\\s*EXPLAIN\\s+(?:PLAN\\s+FOR\\s+)?(.+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  // The current reps and their hierarchy: what a manager's and a rep's scopes are made of.
  private static final String CURRENT_REPS =
      "SELECT rep_id, manager_rep_id, team_id, region_id FROM gold.dim_rep WHERE is_current";

  private final SemanticManifest manifest;
  private final SqlEngine engine;
  private final SqlPlanner planner;
  private final SemanticQueryRewriter rewriter;
  private final GoldAccessRules accessRules = GoldAccessRules.shipped();
  // Where served queries are audited; the layer's owner opened it and closes it.
  private final Optional<QueryAuditLog> audit;
  // A query's rewrite depends only on its text and the manifest, which never changes.
  private final Map<String, RewrittenQuery> rewrites =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RewrittenQuery> eldest) {
              return size() > CACHED_REWRITES;
            }
          });

  private SemanticLayer(
      SemanticManifest manifest, Lake lake, SqlEngine engine, Optional<QueryAuditLog> audit) {
    this.manifest = manifest;
    this.audit = audit;
    this.engine = engine;
    this.planner =
        SqlPlanner.create(
            lake,
            EnumSet.of(LakeZone.GOLD),
            engine,
            ModelCatalog.tables(manifest),
            SemanticModelViews.of(manifest, SemanticLayer::tableSql).entrySet().stream()
                .map(view -> new SqlView(SemanticModelViews.SCHEMA, view.getKey(), view.getValue()))
                .toList(),
            audit.isPresent() ? List.of(QueryAuditTable.TABLE) : List.of());
    this.rewriter = new SemanticQueryRewriter(manifest, SemanticLayer::tableSql);
  }

  /** The layer over a lake's gold zone, executed in-process by DuckDB. */
  public static SemanticLayer embedded(Lake lake, SemanticManifest manifest) {
    requireNonNull(lake, "lake is null");
    requireNonNull(manifest, "manifest is null");
    return new SemanticLayer(manifest, lake, DuckDbEngine.open(lake), Optional.empty());
  }

  /**
   * The layer over a lake's gold zone, executed in-process by DuckDB, auditing every served query
   * ({@link #query(String, QueryContext)}) to {@code audit}, which executives query as {@code
   * audit.queries} ({@link QueryAuditTable}: DuckDB reads the log's files at each query). The
   * caller owns the log: it stays open when the layer closes.
   */
  public static SemanticLayer embedded(Lake lake, SemanticManifest manifest, QueryAuditLog audit) {
    requireNonNull(lake, "lake is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(audit, "audit is null");
    DuckDbEngine engine = DuckDbEngine.open(lake);
    try {
      engine.createView(QueryAuditTable.TABLE, QueryAuditTable.duckDbSelect(audit.directory()));
      return new SemanticLayer(manifest, lake, engine, Optional.of(audit));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The layer over a lake's gold zone, executed by the given engine (which it then owns). */
  public static SemanticLayer on(Lake lake, SemanticManifest manifest, SqlEngine engine) {
    requireNonNull(lake, "lake is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(engine, "engine is null");
    return new SemanticLayer(manifest, lake, engine, Optional.empty());
  }

  public SemanticManifest manifest() {
    return manifest;
  }

  /** The engine's dialect. */
  public SqlDialect dialect() {
    return engine.dialect();
  }

  /**
   * Rewrites, validates and plans a query without running it.
   *
   * @throws io.salesdw.contracts.SalesdwException for an invalid query, naming the problem
   */
  public SemanticPlan plan(String sql) {
    long start = System.nanoTime();
    RewrittenQuery rewritten = rewrite(sql);
    Duration rewriteTime = Duration.ofNanos(System.nanoTime() - start);
    PlannedQuery planned = planner.plan(rewritten.sql());
    return new SemanticPlan(sql, rewritten, planned, rewriteTime);
  }

  /** The plan's SQL in another engine's dialect, for {@code --explain}. */
  public String sqlIn(SemanticPlan plan, SqlDialect dialect) {
    return planner.unparse(plan.rewritten().sql(), dialect);
  }

  /**
   * Answers a query.
   *
   * @throws io.salesdw.contracts.SalesdwException for an invalid query or a failing engine
   */
  public SemanticAnswer query(String sql) {
    SemanticPlan plan = plan(sql);
    ExecutedQuery executed = planner.execute(plan.planned());
    return new SemanticAnswer(plan, executed);
  }

  /**
   * Answers a served query under the user's access policy and limits, and audits it: rows outside
   * the user's scope are filtered out and personal data masked where each table is read, in the
   * plan, whatever the query's shape.
   *
   * @throws io.salesdw.contracts.SalesdwException for an invalid, denied, timed-out, cancelled or
   *     too large query, or a failing engine; {@link QueryOutcome#of} tells which
   */
  public SemanticAnswer query(String sql, QueryContext context) {
    requireNonNull(sql, "sql is null");
    requireNonNull(context, "context is null");
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Optional<RewrittenQuery> rewritten = Optional.empty();
    Optional<PlannedQuery> planned = Optional.empty();
    try {
      if (context.cancellation().isCancelled()) {
        throw QueryRefusals.cancelled();
      }
      Matcher explain = EXPLAIN.matcher(sql);
      boolean explained = explain.matches();
      rewritten = Optional.of(rewrite(explained ? explain.group(1) : sql));
      AccessGuard guard = guardFor(context.principal());
      planned = Optional.of(planner.plan(rewritten.get().sql(), guard));
      ExecutedQuery executed =
          explained
              ? explanation(planned.get())
              : planner.execute(planned.get(), context.limits(), context.cancellation());
      SemanticAnswer answer =
          new SemanticAnswer(
              new SemanticPlan(sql, rewritten.get(), planned.get(), Duration.ZERO), executed);
      audit(
          context,
          startedAt,
          start,
          sql,
          rewritten,
          planned,
          answer.result().rows().size(),
          Optional.empty());
      return answer;
    } catch (RuntimeException e) {
      audit(context, startedAt, start, sql, rewritten, planned, 0, Optional.of(e));
      throw e;
    }
  }

  /**
   * An {@code EXPLAIN}'s answer: the guarded plan, as the engine would run it, and nothing read.
   * One row for Calcite's logical plan, one for the engine's SQL.
   */
  private static ExecutedQuery explanation(PlannedQuery planned) {
    QueryResult plan =
        new QueryResult(
            List.of(new ResultColumn("plan", JDBCType.VARCHAR, "VARCHAR", 0, 0)),
            List.of(
                new ResultRow(List.of(Optional.of(planned.logicalPlan()))),
                new ResultRow(List.of(Optional.of(planned.engineSql())))));
    return new ExecutedQuery(planned, Map.of(), plan, Duration.ZERO, Duration.ZERO);
  }

  /** The lake tables the principal may read, as {@link #tableNames()}. */
  public SortedMap<String, SortedSet<String>> tableNames(Principal principal) {
    requireNonNull(principal, "principal is null");
    SortedMap<String, SortedSet<String>> visible = new TreeMap<>();
    tableNames()
        .forEach(
            (schema, tables) -> {
              SortedSet<String> readable = new TreeSet<>();
              for (String table : tables) {
                if (mayRead(principal, schema, table)) {
                  readable.add(table);
                }
              }
              visible.put(schema, readable);
            });
    return visible;
  }

  /** The columns of a table the principal may read, as {@link #tableColumns(String, String)}. */
  public Optional<List<TableColumn>> tableColumns(
      Principal principal, String schema, String table) {
    requireNonNull(principal, "principal is null");
    return mayRead(principal, schema, table) ? tableColumns(schema, table) : Optional.empty();
  }

  private boolean mayRead(Principal principal, String schema, String table) {
    return !schema.equalsIgnoreCase(LakeZone.GOLD.directoryName())
        || AccessGuard.mayRead(accessRules, principal.role(), table);
  }

  private RewrittenQuery rewrite(String sql) {
    RewrittenQuery rewritten = rewrites.get(sql);
    if (rewritten == null) {
      rewritten = rewriter.rewrite(sql);
      rewrites.put(sql, rewritten);
    }
    return rewritten;
  }

  /**
   * The principal's guard, with their scope read from the rep dimension as of now: a manager's
   * subtree follows the hierarchy's current version.
   */
  private AccessGuard guardFor(Principal principal) {
    if (principal.role().rows() == RowScope.ALL) {
      return new AccessGuard(accessRules, principal, RepScope.everyRow());
    }
    QueryResult reps = planner.execute(CURRENT_REPS).result();
    List<RepHierarchy.CurrentRep> current = new ArrayList<>();
    for (ResultRow row : reps.rows()) {
      current.add(
          new RepHierarchy.CurrentRep(
              String.valueOf(row.value(0).orElseThrow()),
              row.value(1).map(String::valueOf),
              row.value(2).map(String::valueOf),
              row.value(3).map(String::valueOf)));
    }
    return new AccessGuard(accessRules, principal, new RepHierarchy(current).scopeOf(principal));
  }

  private void audit(
      QueryContext context,
      Instant startedAt,
      long start,
      String sql,
      Optional<RewrittenQuery> rewritten,
      Optional<PlannedQuery> planned,
      long rows,
      Optional<RuntimeException> failure) {
    if (audit.isEmpty()) {
      return;
    }
    List<String> tables =
        planned
            .map(
                plan ->
                    plan.snapshots().stream()
                        .map(snapshot -> snapshot.tableName().replace('/', '.'))
                        .sorted()
                        .toList())
            .orElse(List.of());
    audit
        .get()
        .append(
            new QueryAuditEntry(
                startedAt,
                Duration.ofNanos(System.nanoTime() - start),
                context.principal().user(),
                context.principal().role().name(),
                context.endpoint(),
                context.client(),
                sql,
                rewritten.map(RewrittenQuery::metricColumns).orElse(List.of()),
                tables,
                rows,
                failure.map(QueryOutcome::of).orElse(QueryOutcome.OK),
                failure.map(e -> String.valueOf(e.getMessage()))));
  }

  /**
   * The lake tables queries can read as of now: each schema ({@code gold}) to its tables' names, in
   * name order. The {@code metrics} view is not among them: it is the model's.
   */
  public SortedMap<String, SortedSet<String>> tableNames() {
    return planner.tableNames();
  }

  /**
   * The columns of the lake table {@code schema.table} as queries see them, in schema order; empty
   * if there is no such table.
   *
   * @throws io.salesdw.contracts.SalesdwException if it has a column the layer does not read
   */
  public Optional<List<TableColumn>> tableColumns(String schema, String table) {
    return planner.columns(schema, table);
  }

  /**
   * The SQL name of a lake table in compiled queries: {@code gold/fact_order} is gold.fact_order.
   */
  static String tableSql(String lakeTable) {
    int slash = lakeTable.indexOf('/');
    return "\"" + lakeTable.substring(0, slash) + "\".\"" + lakeTable.substring(slash + 1) + "\"";
  }

  @Override
  public void close() {
    engine.close();
  }
}
