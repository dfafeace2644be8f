package io.salesdw.semantic.access;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The errors of the access rules and of queries they refuse. */
final class AccessErrors {
  private AccessErrors() {}

  static SalesdwException invalidRule(String origin, String table, String problem) {
    return new SalesdwException(ErrorKind.USER_ERROR, origin + ": table " + table + ": " + problem);
  }

  static SalesdwException unknownRowsBy(String origin, String table, String value) {
    return invalidRule(
        origin,
        table,
        "rows-by is '"
            + value
            + "'; it is one of "
            + Arrays.stream(RowsBy.values())
                .map(RowsBy::configName)
                .collect(Collectors.joining(", ")));
  }

  static SalesdwException notListed(Role role, String table) {
    return QueryRefusals.denied(
        "role "
            + role.name()
            + " may not read gold."
            + table
            + ": the access rules do not say whose rows it holds, so only roles that read every row"
            + " may read it");
  }

  static SalesdwException organisationTotals(Role role, String table) {
    return QueryRefusals.denied(
        "role "
            + role.name()
            + " may not read gold."
            + table
            + ": it holds totals over the whole organisation, beyond the rows the role may see;"
            + " ask for a role that may see aggregates, or query the rep-level tables");
  }

  static SalesdwException auditHidden(Role role) {
    return QueryRefusals.denied(
        "role " + role.name() + " may not read the query audit; only executives may");
  }
}
