package io.salesdw.serve.avatica;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryRefusals;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.jdbc.MetricsViewColumns;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServedCatalog;
import io.salesdw.serve.ServedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SemanticService} for the endpoint's tests, over a real {@link SemanticLayer}: a fixed
 * table of users (plain passwords, compared as they are: the real service hashes them), one token,
 * and one refusal: a rep may not read {@code gold.dim_customer}.
 */
final class TestingSemanticService implements SemanticService {
  static final String ALICE = "alice";
  static final String ALICE_PASSWORD = "alice-secret-1";
  static final String BOB = "bob";
  static final String BOB_PASSWORD = "bob-secret-2";
  static final String ALICE_TOKEN = "tok-alice-7f3a";

  static final String WRONG_LOGIN =
      "The user name or password is wrong. Check them; after 5 failures in a row, wait a minute.";
  static final String WRONG_TOKEN = "The access token is not known. Ask an administrator for one.";
  static final String DENIED_TABLE = "dim_customer";

  private static final Map<String, String> PASSWORDS =
      Map.of(ALICE, ALICE_PASSWORD, BOB, BOB_PASSWORD);

  private final SemanticLayer layer;
  private final AtomicInteger passwordChecks = new AtomicInteger();
  private final AtomicInteger tokenChecks = new AtomicInteger();

  TestingSemanticService(SemanticLayer layer) {
    this.layer = layer;
  }

  @Override
  public Principal logIn(String user, String password, String client) {
    passwordChecks.incrementAndGet();
    if (!password.equals(PASSWORDS.get(user))) {
      throw new SalesdwException(ErrorKind.USER_ERROR, WRONG_LOGIN);
    }
    return principal(user);
  }

  @Override
  public Principal logInWithToken(String token, String client) {
    tokenChecks.incrementAndGet();
    if (!token.equals(ALICE_TOKEN)) {
      throw new SalesdwException(ErrorKind.USER_ERROR, WRONG_TOKEN);
    }
    return principal(ALICE);
  }

  @Override
  public SemanticAnswer execute(
      Principal principal,
      String sql,
      String endpoint,
      String client,
      QueryCancellation cancellation) {
    if (principal.role().equals(Role.rep()) && sql.contains(DENIED_TABLE)) {
      throw QueryRefusals.denied(
          "role rep may not read gold." + DENIED_TABLE + ": it holds other reps' customers");
    }
    return layer.query(sql);
  }

  @Override
  public ServedCatalog catalog(Principal principal) {
    List<ServedTable> tables = new ArrayList<>();
    for (Map.Entry<String, SortedSet<String>> schema : layer.tableNames().entrySet()) {
      for (String table : schema.getValue()) {
        tables.add(
            new ServedTable(
                Optional.of(schema.getKey()),
                table,
                "TABLE",
                layer.tableColumns(schema.getKey(), table).orElseThrow()));
      }
    }
    tables.add(
        new ServedTable(
            Optional.empty(),
            SemanticQueryRewriter.METRICS_VIEW,
            "VIEW",
            MetricsViewColumns.of(layer)));
    return new ServedCatalog(tables);
  }

  /** How many times a password was checked. */
  int passwordChecks() {
    return passwordChecks.get();
  }

  int tokenChecks() {
    return tokenChecks.get();
  }

  private static Principal principal(String user) {
    return user.equals(ALICE)
        ? new Principal(ALICE, Role.executive(), Optional.empty())
        : new Principal(user, Role.rep(), Optional.of("REP0001"));
  }
}
