package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.catalog.ModelCatalog;
import io.salesdw.semantic.compile.RewrittenQuery;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.engine.DuckDbEngine;
import io.salesdw.semantic.engine.ExecutedQuery;
import io.salesdw.semantic.engine.PlannedQuery;
import io.salesdw.semantic.engine.SqlEngine;
import io.salesdw.semantic.engine.SqlPlanner;
import io.salesdw.semantic.model.SemanticManifest;
import java.time.Duration;
import java.util.EnumSet;
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
 * <p>Not thread-safe: give each thread its own, or serialise calls.
 */
public final class SemanticLayer implements AutoCloseable {
  private final SemanticManifest manifest;
  private final SqlEngine engine;
  private final SqlPlanner planner;
  private final SemanticQueryRewriter rewriter;

  private SemanticLayer(SemanticManifest manifest, Lake lake, SqlEngine engine) {
    this.manifest = manifest;
    this.engine = engine;
    this.planner =
        SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine, ModelCatalog.tables(manifest));
    this.rewriter = new SemanticQueryRewriter(manifest, SemanticLayer::tableSql);
  }

  /** The layer over a lake's gold zone, executed in-process by DuckDB. */
  public static SemanticLayer embedded(Lake lake, SemanticManifest manifest) {
    requireNonNull(lake, "lake is null");
    requireNonNull(manifest, "manifest is null");
    return new SemanticLayer(manifest, lake, DuckDbEngine.open(lake));
  }

  /** The layer over a lake's gold zone, executed by the given engine (which it then owns). */
  public static SemanticLayer on(Lake lake, SemanticManifest manifest, SqlEngine engine) {
    requireNonNull(lake, "lake is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(engine, "engine is null");
    return new SemanticLayer(manifest, lake, engine);
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
    RewrittenQuery rewritten = rewriter.rewrite(sql);
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
