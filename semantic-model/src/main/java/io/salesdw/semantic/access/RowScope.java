package io.salesdw.semantic.access;

/** Which rows of the rep-owned tables a role reads. */
public enum RowScope {
  /** Every row. */
  ALL,
  /**
   * The rows of the user's own rep and of every rep below them in the rep dimension's management
   * hierarchy ({@code dim_rep.manager_rep_id}), as of the query: a team manager's team, a regional
   * manager's region.
   */
  SUBTREE,
  /** The rows of the user's own rep only. */
  OWN
}
