package io.salesdw.semantic.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What decides which rows of a gold table a user whose role does not read every row may see. */
public enum RowsBy {
  /** Reference data: every row to every role. */
  EVERYONE,
  /** A column naming the rep whose row it is. */
  REP,
  /** A column naming a team: its rows when the user sees every current rep of the team. */
  TEAM,
  /** A level column (rep, team, region, all) and an id column: each level's rule. */
  OWNER,
  /** A column naming a customer: customers with an order or opportunity of a rep the user sees. */
  CUSTOMER,
  /**
   * A column naming a customer whose row totals all their orders and opportunities: customers every
   * order and opportunity of whom is by a rep the user sees, so that no total includes another
   * rep's deals.
   */
  CUSTOMER_TOTALS,
  /** Totals over the whole organisation: only roles that may see aggregates read them. */
  ORGANISATION;

  /** The value as the rules file writes it: {@code everyone}, {@code customer-totals}… */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<RowsBy> ofConfigName(String name) {
    return Arrays.stream(values()).filter(value -> value.configName().equals(name)).findFirst();
  }
}
