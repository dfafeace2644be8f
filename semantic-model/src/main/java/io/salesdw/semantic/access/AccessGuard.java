package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.engine.PlanGuard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.tools.RelBuilder;

/**
 * A user's access policy applied to a logical plan: every scan of a gold table is replaced by the
 * scan filtered to the rows the user may see, with personal data masked, before anything else in
 * the plan reads it. Sub-queries, views (expanded into the scans they read), joins, unions and
 * windows all read the guarded scans, so no query shape reaches the rows underneath; aggregates
 * over a guarded scan sum only the visible rows. Tables the user may not read at all are refused.
 */
public final class AccessGuard implements PlanGuard {
  private static final String MASK = "***";
  private static final String GOLD = LakeZone.GOLD.directoryName();
  private static final String AUDIT = "audit";

  private final GoldAccessRules rules;
  private final Principal principal;
  private final RepScope scope;

  public AccessGuard(GoldAccessRules rules, Principal principal, RepScope scope) {
    this.rules = requireNonNull(rules, "rules is null");
    this.principal = requireNonNull(principal, "principal is null");
    this.scope = requireNonNull(scope, "scope is null");
    if (scope.everything() != (principal.role().rows() == RowScope.ALL)) {
      throw new IllegalArgumentException(
          "the scope of user " + principal.user() + " does not match their role");
    }
  }

  @Override
  public String cacheKey() {
    return principal.role() + "|" + scope.key();
  }

  /**
   * Whether the user may list and read the gold table at all (some of its rows, perhaps none): not
   * an organisation total unless the role may see aggregates, and not a table without rules unless
   * the role reads every row.
   */
  public static boolean mayRead(GoldAccessRules rules, Role role, String goldTable) {
    Optional<GoldTableAccess> rule = rules.of(goldTable);
    if (rule.isEmpty()) {
      return role.rows() == RowScope.ALL;
    }
    return rule.get().rowsBy() != RowsBy.ORGANISATION || role.aggregatesVisible();
  }

  @Override
  public RelNode guard(RelNode plan) {
    requireNonNull(plan, "plan is null");
    return plan.accept(new Guarding());
  }

  /** Replaces each scan, in the plan and in its sub-queries. */
  private final class Guarding extends RelHomogeneousShuttle {
    @Override
    public RelNode visit(RelNode other) {
      if (other instanceof TableScan) {
        return guardScan((TableScan) other);
      }
      RelNode withGuardedInputs = super.visit(other);
      return withGuardedInputs.accept(
          new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
              return subQuery.clone(subQuery.rel.accept(Guarding.this));
            }
          });
    }
  }

  private RelNode guardScan(TableScan scan) {
    List<String> name = scan.getTable().getQualifiedName();
    String schema = name.size() >= 2 ? name.get(name.size() - 2) : "";
    String table = name.get(name.size() - 1);
    Role role = principal.role();
    if (schema.equals(AUDIT)) {
      if (!role.auditVisible()) {
        throw AccessErrors.auditHidden(role);
      }
      return scan;
    }
    if (!schema.equals(GOLD)) {
      // The model's own tables (catalog.metrics…): no one's rows.
      return scan;
    }
    Optional<GoldTableAccess> access = rules.of(table);
    if (!mayRead(rules, role, table)) {
      throw access.isEmpty()
          ? AccessErrors.notListed(role, table)
          : AccessErrors.organisationTotals(role, table);
    }
    if (access.isEmpty()) {
      // A table without rules, for a role that reads every row.
      return scan;
    }
    GoldTableAccess rule = access.get();
    RelBuilder builder =
        RelFactories.LOGICAL_BUILDER.create(scan.getCluster(), scan.getTable().getRelOptSchema());
    builder.push(scan);
    if (!scope.everything()) {
      builder.filter(visibleRows(builder, rule));
    }
    if (!role.piiVisible() && !rule.personalData().isEmpty()) {
      mask(builder, rule);
    }
    return builder.build();
  }

  private RexNode visibleRows(RelBuilder builder, GoldTableAccess rule) {
    switch (rule.rowsBy()) {
      case EVERYONE:
      case ORGANISATION:
        return builder.literal(true);
      case REP:
        return in(builder, field(builder, rule, rule.column().orElseThrow()), scope.reps());
      case TEAM:
        return in(builder, field(builder, rule, rule.column().orElseThrow()), scope.teams());
      case OWNER:
        return ownerRows(builder, rule);
      case CUSTOMER:
        return customerRows(builder, rule);
      case CUSTOMER_TOTALS:
        return customerTotalRows(builder, rule);
      default:
        throw new IllegalStateException("unknown rows-by " + rule.rowsBy());
    }
  }

  /** A rep's row when the rep is in scope, a team's or region's when all its reps are. */
  private RexNode ownerRows(RelBuilder builder, GoldTableAccess rule) {
    RexNode level = field(builder, rule, rule.levelColumn().orElseThrow());
    RexNode owner = field(builder, rule, rule.column().orElseThrow());
    List<RexNode> visible = new ArrayList<>();
    visible.add(
        builder.and(
            builder.equals(level, builder.literal("rep")), in(builder, owner, scope.reps())));
    visible.add(
        builder.and(
            builder.equals(level, builder.literal("team")), in(builder, owner, scope.teams())));
    visible.add(
        builder.and(
            builder.equals(level, builder.literal("region")), in(builder, owner, scope.regions())));
    return builder.or(visible);
  }

  /**
   * A customer's row when a rep in scope has an order or an opportunity with them: decided in the
   * same query, over the same snapshots, by a sub-query.
   */
  private RexNode customerRows(RelBuilder builder, GoldTableAccess rule) {
    RexNode customer = field(builder, rule, rule.column().orElseThrow());
    return RexSubQuery.in(customersOfReps(builder, true), ImmutableList.of(customer));
  }

  /**
   * A customer's totals when they have a deal with a rep in scope and none with anyone else (a rep
   * out of scope, or no rep): a shared customer's totals would show the other rep's deals.
   */
  private RexNode customerTotalRows(RelBuilder builder, GoldTableAccess rule) {
    RexNode customer = field(builder, rule, rule.column().orElseThrow());
    return builder.and(
        RexSubQuery.in(customersOfReps(builder, true), ImmutableList.of(customer)),
        builder.not(RexSubQuery.in(customersOfReps(builder, false), ImmutableList.of(customer))));
  }

  /**
   * The customers with an order or an opportunity (a stage transition) of a rep in scope, or, for
   * {@code inScope} false, of anyone else: a rep out of scope, or no rep. Never NULL, so that NOT
   * IN over it means what it says.
   */
  private RelNode customersOfReps(RelBuilder builder, boolean inScope) {
    RelBuilder customers = builder.transform(config -> config);
    for (String table : List.of("fact_order", "fact_opportunity_stage_transition")) {
      customers.scan(GOLD, table);
      RexNode rep = customers.field("rep_id");
      RexNode ofScope = in(customers, rep, scope.reps());
      customers
          .filter(
              customers.isNotNull(customers.field("unified_customer_id")),
              inScope ? ofScope : customers.or(customers.isNull(rep), customers.not(ofScope)))
          .project(customers.field("unified_customer_id"));
    }
    return customers.union(false).build();
  }

  private static RexNode in(RelBuilder builder, RexNode value, Collection<String> allowed) {
    if (allowed.isEmpty()) {
      return builder.literal(false);
    }
    return builder.in(value, allowed.stream().map(builder::literal).toList());
  }

  private static RexNode field(RelBuilder builder, GoldTableAccess rule, String column) {
    RelDataTypeField field = builder.peek().getRowType().getField(column, false, false);
    if (field == null) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "the access rule of gold."
              + rule.table()
              + " names column "
              + column
              + ", which the table does not have; no query may read the table until the rule or the"
              + " table is fixed");
    }
    return builder.field(field.getIndex());
  }

  /** Keeps every column, personal data replaced by a mask (NULL stays NULL). */
  private void mask(RelBuilder builder, GoldTableAccess rule) {
    RexBuilder rex = builder.getRexBuilder();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : builder.peek().getRowType().getFieldList()) {
      RexNode value = builder.field(field.getIndex());
      names.add(field.getName());
      if (!rule.personalData().contains(field.getName())) {
        columns.add(value);
        continue;
      }
      columns.add(masked(rex, rule, field, value));
    }
    builder.project(columns, names, true);
  }

  private static RexNode masked(
      RexBuilder rex, GoldTableAccess rule, RelDataTypeField field, RexNode value) {
    RelDataType type = field.getType();
    if (!SqlTypeFamily.CHARACTER.contains(type)) {
      if (!type.isNullable()) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR,
            "the access rule of gold."
                + rule.table()
                + " masks "
                + field.getName()
                + ", a NOT NULL "
                + type
                + " column that cannot be masked");
      }
      return rex.makeNullLiteral(type);
    }
    RexNode mask = rex.makeCast(type, rex.makeLiteral(MASK), true, false);
    if (!type.isNullable()) {
      return mask;
    }
    return rex.makeCall(
        type,
        SqlStdOperatorTable.CASE,
        List.of(rex.makeCall(SqlStdOperatorTable.IS_NULL, value), rex.makeNullLiteral(type), mask));
  }
}
