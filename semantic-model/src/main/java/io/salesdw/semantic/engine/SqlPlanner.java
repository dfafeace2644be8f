package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.DeltaColumn;
import io.salesdw.lake.DeltaSnapshotFiles;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.QueryRefusals;
import java.sql.JDBCType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelConversionException;
import org.apache.calcite.tools.ValidationException;

/**
 * Runs plain SQL over the lake: Calcite parses and validates it against the current schemas of the
 * lake's Delta tables (one Calcite schema per zone: {@code SELECT * FROM gold.fact_order}),
 * converts it to a logical plan, and unparses the plan into the engine's dialect; the engine reads
 * the snapshot of each table the query was validated against and runs the SQL. Calcite's own
 * execution is not used.
 *
 * <p>Names are matched case-insensitively and unquoted names keep their case, as in DuckDB and
 * Trino. Nothing is cached between queries but the engine's views.
 *
 * <pre>{@code
 * try (SqlEngine engine = DuckDbEngine.open(lake)) {
 *   SqlPlanner planner = SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine);
 *   ExecutedQuery run = planner.execute("SELECT count(*) FROM gold.fact_order");
 *   run.result().rows();           // one row: 124
 *   run.plan().engineSql();        // SELECT COUNT(*) FROM "gold"."fact_order"
 * }
 * }</pre>
 */
public final class SqlPlanner {
  // The messages of Calcite's validator that name an unknown object (CalciteResource).
  private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '([^']+)' not found in ");
  private static final Pattern UNKNOWN_OBJECT_WITHIN =
      Pattern.compile("(?:Object|Table) '([^']+)' not found within '([^']+)'");
  private static final Pattern UNKNOWN_OBJECT =
      Pattern.compile("(?:Object|Table) '([^']+)' not found");
  private static final Pattern PARSER_POSITION = Pattern.compile(" at line \\d+, column \\d+");

  // Plans of recent queries, by their SQL text: a dashboard re-runs the same queries, and a plan
  // whose tables have no new commit is still right (STACK.md: planning costs more than DuckDB's
  // execution).
  private static final int CACHED_PLANS = 256;

  private final Lake lake;
  private final Set<LakeZone> zones;
  private final SqlEngine engine;
  private final SnapshotCache snapshots;
  private final Map<String, PlannedQuery> plans =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PlannedQuery> eldest) {
              return size() > CACHED_PLANS;
            }
          });
  // In-memory tables (the catalog) by schema; empty for a planner over the lake alone.
  private Map<String, List<InMemoryTable>> inMemorySchemas = Map.of();
  // Views by schema, expanded by Calcite; empty for a planner over the lake alone.
  private List<SqlView> views = List.of();
  // Tables the engine defines itself (the query audit), by schema.
  private Map<String, List<EngineTable>> engineSchemas = Map.of();

  private SqlPlanner(Lake lake, Set<LakeZone> zones, SqlEngine engine) {
    this.lake = lake;
    this.zones = zones;
    this.engine = engine;
    this.snapshots = new SnapshotCache(lake);
  }

  /**
   * A planner over the given zones of the lake, each a schema named as its directory ({@code
   * gold}), running queries on {@code engine}.
   */
  public static SqlPlanner create(Lake lake, Set<LakeZone> zones, SqlEngine engine) {
    requireNonNull(lake, "lake is null");
    requireNonNull(zones, "zones is null");
    requireNonNull(engine, "engine is null");
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("no zone to query");
    }
    return new SqlPlanner(lake, Set.copyOf(EnumSet.copyOf(zones)), engine);
  }

  /**
   * A planner over the given zones of the lake and over in-memory tables, such as the semantic
   * layer's {@code catalog.metrics}: the engine loads the tables now, and Calcite validates queries
   * against their columns.
   *
   * @throws IllegalArgumentException if a table's schema is named like a zone, or two tables share
   *     a name
   * @throws SalesdwException if the engine fails to load a table
   */
  public static SqlPlanner create(
      Lake lake, Set<LakeZone> zones, SqlEngine engine, List<InMemoryTable> tables) {
    return create(lake, zones, engine, tables, List.of());
  }

  /**
   * A planner over the lake's zones, in-memory tables loaded into the engine, and views that
   * Calcite expands into the queries that read them.
   */
  public static SqlPlanner create(
      Lake lake,
      Set<LakeZone> zones,
      SqlEngine engine,
      List<InMemoryTable> tables,
      List<SqlView> views) {
    return create(lake, zones, engine, tables, views, List.of());
  }

  /**
   * A planner over the lake's zones, in-memory tables, views, and tables the engine already defines
   * itself (such as the query audit's {@code audit.queries}), each in a schema of its own.
   *
   * @throws IllegalArgumentException if an engine table's schema is a zone's or an in-memory
   *     table's, or two engine tables share a name
   */
  public static SqlPlanner create(
      Lake lake,
      Set<LakeZone> zones,
      SqlEngine engine,
      List<InMemoryTable> tables,
      List<SqlView> views,
      List<EngineTable> engineTables) {
    requireNonNull(tables, "tables is null");
    requireNonNull(views, "views is null");
    requireNonNull(engineTables, "engineTables is null");
    SqlPlanner planner = create(lake, zones, engine);
    Map<String, List<InMemoryTable>> schemas = new TreeMap<>();
    Set<String> names = new TreeSet<>();
    for (InMemoryTable table : tables) {
      if (planner.zones.stream().anyMatch(zone -> zone.directoryName().equals(table.schema()))) {
        throw new IllegalArgumentException(
            "in-memory table " + table.name() + " is in the lake zone's schema " + table.schema());
      }
      if (!names.add(table.schema() + "." + table.name())) {
        throw new IllegalArgumentException(
            "two in-memory tables " + table.schema() + "." + table.name());
      }
      schemas.computeIfAbsent(table.schema(), schema -> new ArrayList<>()).add(table);
    }
    Map<String, List<EngineTable>> engineSchemas = new TreeMap<>();
    for (EngineTable table : engineTables) {
      if (planner.zones.stream().anyMatch(zone -> zone.directoryName().equals(table.schema()))
          || schemas.containsKey(table.schema())) {
        throw new IllegalArgumentException(
            "engine table " + table.name() + " is in the schema " + table.schema() + " of others");
      }
      if (!names.add(table.schema() + "." + table.name())) {
        throw new IllegalArgumentException(
            "two engine tables " + table.schema() + "." + table.name());
      }
      engineSchemas.computeIfAbsent(table.schema(), schema -> new ArrayList<>()).add(table);
    }
    engine.load(List.copyOf(tables));
    planner.inMemorySchemas = Map.copyOf(schemas);
    planner.views = List.copyOf(views);
    planner.engineSchemas = Map.copyOf(engineSchemas);
    return planner;
  }

  /**
   * Calcite's configuration for one query: a fresh catalog of the zones, as of now, the parser's
   * casing rules and the lake's type system. For code that builds plans itself ({@code
   * RelBuilder.create(planner.frameworkConfig())}) and then calls {@link #plan(RelNode)}.
   */
  public FrameworkConfig frameworkConfig() {
    // Not a caching root: it would list every table of a zone to look one up.
    SchemaPlus root = Frameworks.createRootSchema(false);
    for (LakeZone zone : zones) {
      root.add(zone.directoryName(), new DeltaLakeSchema(lake, snapshots, zone.directoryName()));
    }
    inMemorySchemas.forEach((schema, tables) -> root.add(schema, ColumnsSchema.ofInMemory(tables)));
    engineSchemas.forEach((schema, tables) -> root.add(schema, ColumnsSchema.ofEngine(tables)));
    Map<String, SchemaPlus> viewSchemas = new TreeMap<>();
    for (SqlView view : views) {
      SchemaPlus schema =
          viewSchemas.computeIfAbsent(view.schema(), name -> root.add(name, new AbstractSchema()));
      schema.add(
          view.name(),
          ViewTable.viewMacro(
              schema, view.sql(), List.of(), List.of(view.schema(), view.name()), false));
    }
    return Frameworks.newConfigBuilder()
        .parserConfig(
            SqlParser.config()
                .withCaseSensitive(false)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withConformance(SqlConformanceEnum.LENIENT))
        .defaultSchema(root)
        .typeSystem(LakeTypeSystem.INSTANCE)
        .build();
  }

  /**
   * Parses, validates and plans a query, and unparses it for the engine.
   *
   * @throws SalesdwException for a syntax error (with its line and column), an unknown table or
   *     column (with the nearest valid name), a table that cannot be read, or another invalid query
   */
  public PlannedQuery plan(String sql) {
    requireNonNull(sql, "sql is null");
    return cachedOrPlanned(sql, sql, Optional.empty());
  }

  /**
   * Plans a query as {@link #plan(String)} does, then has {@code guard} rewrite or refuse the
   * logical plan before it is unparsed: how access policies reach every query.
   *
   * @throws SalesdwException for an invalid query, or one the guard refuses
   */
  public PlannedQuery plan(String sql, PlanGuard guard) {
    requireNonNull(sql, "sql is null");
    requireNonNull(guard, "guard is null");
    // The guard's key first: a plan guarded for one user is never served to another.
    return cachedOrPlanned(guard.cacheKey() + "\u0000" + sql, sql, Optional.of(guard));
  }

  /** The plan cached under {@code key} if its tables have no new commit, else a new one. */
  private PlannedQuery cachedOrPlanned(String key, String sql, Optional<PlanGuard> guard) {
    long start = System.nanoTime();
    PlannedQuery cached = plans.get(key);
    if (cached != null && snapshots.allCurrent(cached.snapshots())) {
      return new PlannedQuery(
          cached.logicalPlan(),
          cached.engineSql(),
          cached.columns(),
          cached.snapshots(),
          Duration.ofNanos(System.nanoTime() - start));
    }
    PlannedQuery planned = planAfresh(sql, guard, start);
    plans.put(key, planned);
    return planned;
  }

  private PlannedQuery planAfresh(String sql, Optional<PlanGuard> guard, long start) {
    FrameworkConfig config = frameworkConfig();
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode parsed = parse(planner, sql);
      // The in-memory tables (the catalog) are real tables in the engine: nothing may change them,
      // nor try to change the lake's views.
      if (parsed.getKind().belongsTo(SqlKind.DML)) {
        throw EngineErrors.notAQuery(parsed.getKind().sql);
      }
      SqlNode validated = validate(planner, parsed, config.getDefaultSchema());
      RelRoot root = convert(planner, validated);
      RelNode plan = root.project();
      if (guard.isPresent()) {
        plan = guard.get().guard(plan);
      }
      return unparse(plan, root.validatedRowType, start);
    } finally {
      planner.close();
    }
  }

  /**
   * Unparses a logical plan built over {@link #frameworkConfig()}'s catalog for the engine. Its top
   * node's field names become the result's column names.
   */
  public PlannedQuery plan(RelNode plan) {
    requireNonNull(plan, "plan is null");
    return unparse(plan, plan.getRowType(), System.nanoTime());
  }

  /**
   * The query's SQL in another engine's dialect (Trino's, for an explain), from the same plan the
   * engine would run.
   */
  public String unparse(String sql, SqlDialect dialect) {
    requireNonNull(sql, "sql is null");
    requireNonNull(dialect, "dialect is null");
    FrameworkConfig config = frameworkConfig();
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode validated = validate(planner, parse(planner, sql), config.getDefaultSchema());
      RelNode plan = convert(planner, validated).project();
      return new RelToSqlConverter(dialect)
          .visitRoot(plan)
          .asStatement()
          .toSqlString(dialect)
          .getSql();
    } finally {
      planner.close();
    }
  }

  /** Plans and runs a query: {@link #plan(String)}, then {@link #execute(PlannedQuery)}. */
  public ExecutedQuery execute(String sql) {
    return execute(plan(sql));
  }

  /**
   * Makes the engine read the current snapshots of the plan's tables, then runs the plan's SQL.
   *
   * @throws SalesdwException if a table cannot be read by the engine, or the engine fails
   */
  public ExecutedQuery execute(PlannedQuery plan) {
    requireNonNull(plan, "plan is null");
    long start = System.nanoTime();
    // The snapshots the query was validated against: the engine reads the same versions, and the
    // lake's logs are not read twice.
    Map<String, Long> versions = engine.refresh(plan.snapshots());
    long refreshed = System.nanoTime();
    QueryResult result = engine.execute(plan.engineSql());
    long executed = System.nanoTime();
    return new ExecutedQuery(
        plan,
        versions,
        result.withColumnNames(plan.columnNames()),
        Duration.ofNanos(refreshed - start),
        Duration.ofNanos(executed - refreshed));
  }

  /**
   * As {@link #execute(PlannedQuery)}, within a served query's limits and until it is cancelled:
   * the timeout counts from this call, the engine's refresh of its views included.
   *
   * @throws SalesdwException a {@link QueryRefusals} error if the query ran out of time ({@code
   *     TIMED_OUT}, naming {@code limits}' timeout), has more rows than allowed ({@code
   *     TOO_MANY_ROWS}) or was cancelled ({@code CANCELLED}); another as {@link
   *     #execute(PlannedQuery)}
   */
  public ExecutedQuery execute(
      PlannedQuery plan, QueryLimits limits, QueryCancellation cancellation) {
    requireNonNull(plan, "plan is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(cancellation, "cancellation is null");
    long start = System.nanoTime();
    if (cancellation.isCancelled()) {
      throw QueryRefusals.cancelled();
    }
    Map<String, Long> versions = engine.refresh(plan.snapshots());
    long refreshed = System.nanoTime();
    Duration left = limits.timeout().minusNanos(refreshed - start);
    if (left.isNegative() || left.isZero()) {
      throw QueryRefusals.timedOut(limits.timeout());
    }
    QueryResult result;
    try {
      result =
          engine.execute(plan.engineSql(), new QueryLimits(left, limits.maxRows()), cancellation);
    } catch (SalesdwException e) {
      if (QueryOutcome.of(e) == QueryOutcome.TIMED_OUT) {
        // The user's limit, not what was left of it after the refresh.
        throw QueryRefusals.timedOut(limits.timeout());
      }
      throw e;
    }
    long executed = System.nanoTime();
    return new ExecutedQuery(
        plan,
        versions,
        result.withColumnNames(plan.columnNames()),
        Duration.ofNanos(refreshed - start),
        Duration.ofNanos(executed - refreshed));
  }

  /**
   * The tables of the planner's zones as of now: each zone's name (its schema in SQL, such as
   * {@code gold}) to the names of its tables, in name order.
   */
  public SortedMap<String, SortedSet<String>> tableNames() {
    SchemaPlus root = frameworkConfig().getDefaultSchema();
    SortedMap<String, SortedSet<String>> tables = new TreeMap<>();
    for (LakeZone zone : zones) {
      tables.put(zone.directoryName(), new TreeSet<>(zoneTables(root, zone.directoryName())));
    }
    return tables;
  }

  /**
   * The columns of {@code zone.table} as queries see them, in schema order; empty if there is no
   * such table. Names are matched as in queries, ignoring case.
   *
   * @throws SalesdwException if the table has a column of a type the layer does not read
   */
  public Optional<List<TableColumn>> columns(String zone, String table) {
    requireNonNull(zone, "zone is null");
    requireNonNull(table, "table is null");
    FrameworkConfig config = frameworkConfig();
    return lookUp(config.getDefaultSchema(), zone, table)
        .map(
            found -> {
              RelDataType row = found.getRowType(new SqlTypeFactoryImpl(config.getTypeSystem()));
              List<TableColumn> columns = new ArrayList<>();
              for (RelDataTypeField field : row.getFieldList()) {
                columns.add(
                    new TableColumn(
                        resultColumn(field.getName(), field.getType()),
                        field.getType().isNullable()));
              }
              return List.copyOf(columns);
            });
  }

  /** A column of a validated row type, as JDBC describes it. */
  private static ResultColumn resultColumn(String name, RelDataType type) {
    SqlTypeName sqlType = type.getSqlTypeName();
    JDBCType jdbcType;
    try {
      jdbcType = JDBCType.valueOf(sqlType.getJdbcOrdinal());
    } catch (IllegalArgumentException e) {
      // Calcite's own types (SYMBOL, intervals…) have no JDBC number of their own.
      jdbcType = JDBCType.OTHER;
    }
    int precision =
        type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
    int scale = type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
    return new ResultColumn(name, jdbcType, sqlType.getName(), precision, scale);
  }

  private PlannedQuery unparse(RelNode plan, RelDataType rowType, long start) {
    SqlDialect dialect = engine.dialect();
    SqlNode statement = new RelToSqlConverter(dialect).visitRoot(plan).asStatement();
    String engineSql = statement.toSqlString(dialect).getSql();
    Map<String, DeltaSnapshotFiles> snapshots = new TreeMap<>();
    collectTables(plan, snapshots);
    return new PlannedQuery(
        RelOptUtil.toString(plan),
        engineSql,
        rowType.getFieldList().stream()
            .map(field -> resultColumn(field.getName(), field.getType()))
            .toList(),
        List.copyOf(snapshots.values()),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static SqlNode parse(Planner planner, String sql) {
    try {
      return planner.parse(sql);
    } catch (SqlParseException e) {
      String problem = PARSER_POSITION.matcher(firstLine(e.getMessage())).replaceFirst("");
      SqlParserPos position = e.getPos();
      if (position == null) {
        throw EngineErrors.invalidQuery(problem, e);
      }
      throw EngineErrors.syntaxError(position.getLineNum(), position.getColumnNum(), problem, e);
    }
  }

  private SqlNode validate(Planner planner, SqlNode parsed, SchemaPlus root) {
    try {
      return planner.validate(parsed);
    } catch (ValidationException e) {
      // Reading a table's schema may fail with our own error (an unreadable table, a column of
      // a type the layer does not read): that one says more than Calcite's wrapping.
      Optional<SalesdwException> ours = causeOfType(e, SalesdwException.class);
      if (ours.isPresent()) {
        throw ours.get();
      }
      Optional<CalciteContextException> context = causeOfType(e, CalciteContextException.class);
      if (context.isEmpty()) {
        throw EngineErrors.invalidQuery(firstLine(String.valueOf(e.getMessage())), e);
      }
      CalciteContextException located = context.get();
      String problem =
          located.getCause() != null
              ? String.valueOf(located.getCause().getMessage())
              : String.valueOf(located.getMessage());
      throw EngineErrors.invalidQuery(
          located.getPosLine(),
          located.getPosColumn(),
          problem,
          nearestName(problem, parsed, root),
          e);
    }
  }

  private static RelRoot convert(Planner planner, SqlNode validated) {
    try {
      return planner.rel(validated);
    } catch (RelConversionException e) {
      throw EngineErrors.invalidQuery(firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** The valid name nearest to the one Calcite's message says is unknown. */
  private Optional<String> nearestName(String problem, SqlNode query, SchemaPlus root) {
    Matcher column = UNKNOWN_COLUMN.matcher(problem);
    if (column.find()) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (DeltaLakeTable table : referencedTables(query, root)) {
        for (DeltaColumn known : table.snapshot().columns()) {
          columns.putIfAbsent(known.name(), known.name());
        }
      }
      return nearest(column.group(1), columns);
    }
    Matcher within = UNKNOWN_OBJECT_WITHIN.matcher(problem);
    if (within.find()) {
      String zone = within.group(2);
      Map<String, String> tables = new LinkedHashMap<>();
      for (String table : zoneTables(root, zone)) {
        tables.put(table, zone + "." + table);
      }
      return nearest(within.group(1), tables);
    }
    Matcher object = UNKNOWN_OBJECT.matcher(problem);
    if (object.find()) {
      // A zone misspelt, or a table without its zone: suggest either.
      Map<String, String> names = new LinkedHashMap<>();
      for (LakeZone zone : zones) {
        names.put(zone.directoryName(), zone.directoryName());
      }
      for (LakeZone zone : zones) {
        for (String table : zoneTables(root, zone.directoryName())) {
          names.putIfAbsent(table, zone.directoryName() + "." + table);
        }
      }
      return nearest(object.group(1), names);
    }
    return Optional.empty();
  }

  private static Optional<SchemaPlus> zoneSchema(SchemaPlus root, String zone) {
    return Optional.ofNullable(Lookup.get(root.subSchemas(), zone, false));
  }

  private static Set<String> zoneTables(SchemaPlus root, String zone) {
    return zoneSchema(root, zone)
        .<Set<String>>map(schema -> new TreeSet<>(schema.tables().getNames(LikePattern.any())))
        .orElse(Set.of());
  }

  /** The lake tables a query names as {@code zone.table}, whether or not it validated. */
  private static List<DeltaLakeTable> referencedTables(SqlNode query, SchemaPlus root) {
    List<DeltaLakeTable> tables = new ArrayList<>();
    query.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier identifier) {
            List<String> names = identifier.names;
            if (names.size() >= 2) {
              lookUp(root, names.get(names.size() - 2), names.get(names.size() - 1))
                  .ifPresent(tables::add);
            }
            return null;
          }
        });
    return tables;
  }

  private static Optional<DeltaLakeTable> lookUp(SchemaPlus root, String zone, String table) {
    return zoneSchema(root, zone)
        .map(schema -> Lookup.get(schema.tables(), table, false))
        .filter(DeltaLakeTable.class::isInstance)
        .map(DeltaLakeTable.class::cast);
  }

  /** Adds the snapshots of the lake tables a plan scans, sub-queries included. */
  private static void collectTables(RelNode plan, Map<String, DeltaSnapshotFiles> tables) {
    if (plan instanceof TableScan scan) {
      DeltaLakeTable table = scan.getTable().unwrap(DeltaLakeTable.class);
      if (table != null) {
        tables.putIfAbsent(table.lakeTableName(), table.snapshot());
      }
    }
    plan.accept(
        new RexShuttle() {
          @Override
          public RexNode visitSubQuery(RexSubQuery subQuery) {
            collectTables(subQuery.rel, tables);
            return super.visitSubQuery(subQuery);
          }
        });
    for (RelNode input : plan.getInputs()) {
      collectTables(input, tables);
    }
  }

  private static <T extends Throwable> Optional<T> causeOfType(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  /** The suggestion whose key (what the user's name is compared with) is nearest the name. */
  private static Optional<String> nearest(String unknown, Map<String, String> suggestionsByKey) {
    // A table named without its zone ("fact_order") is found by its exact key.
    for (Map.Entry<String, String> entry : suggestionsByKey.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(unknown) && !entry.getValue().equalsIgnoreCase(unknown)) {
        return Optional.of(entry.getValue());
      }
    }
    return io.salesdw.semantic.model.NearestName.among(unknown, suggestionsByKey.keySet())
        .map(suggestionsByKey::get);
  }
}
