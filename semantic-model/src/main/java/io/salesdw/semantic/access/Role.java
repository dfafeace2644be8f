package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * What a kind of user may read through the semantic layer. The layer enforces it in the plan of
 * every query: rows outside {@link #rows()} are filtered out where each table is read, personal
 * data is masked there unless {@link #piiVisible()}, organisation-wide aggregate tables are refused
 * unless {@link #aggregatesVisible()}, and the query audit is refused unless {@link
 * #auditVisible()}.
 *
 * @param name the role's name in configuration, such as {@code manager}
 * @param rows the rows of rep-owned tables it reads
 * @param piiVisible whether names, phones and free text are shown unmasked
 * @param aggregatesVisible whether it reads tables that aggregate over the whole organisation (a
 *     funnel summary, the company's data health), which would show totals over rows outside its
 *     scope
 * @param auditVisible whether it reads the query audit
 */
public record Role(
    String name,
    RowScope rows,
    boolean piiVisible,
    boolean aggregatesVisible,
    boolean auditVisible) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public Role {
    requireNonNull(name, "name is null");
    requireNonNull(rows, "rows is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a role's name is lower-case letters, digits, '_' and '-': " + name);
    }
  }

  /** Everything, unmasked, with the audit. */
  public static Role executive() {
    return new Role("executive", RowScope.ALL, true, true, true);
  }

  /** The manager's own rep subtree (team, region), personal data masked. */
  public static Role manager() {
    return new Role("manager", RowScope.SUBTREE, false, false, false);
  }

  /** The rep's own rows, personal data masked. */
  public static Role rep() {
    return new Role("rep", RowScope.OWN, false, false, false);
  }
}
