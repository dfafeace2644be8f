package io.salesdw.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestGovernedSemanticService {
  private static final String TOKEN = PasswordHash.newToken();

  @TempDir static Path directory;

  private static GovernedSemanticService service;

  @BeforeAll
  static void open() {
    Path lake = directory.resolve("lake");
    TinyGoldLake.write(lake);
    String yaml =
        String.join(
            "\n",
            "limits: {max-rows: 3}",
            "login: {max-failures: 2, window: 60s, lockout: 60s}",
            "users:",
            "  - {name: ceo, role: executive, password-hash: \""
                + PasswordHash.ofPassword("pw").encoded()
                + "\"}",
            "  - {name: wang, role: rep, rep-id: REP0001, token-hash: \""
                + PasswordHash.ofToken(TOKEN).encoded()
                + "\"}",
            "");
    ServeConfig config = ServeConfig.parse(yaml, "serve.yaml", directory, name -> null);
    service = GovernedSemanticService.open(lake, SemanticManifestLoader.loadShipped(), config);
  }

  @AfterAll
  static void close() {
    service.close();
  }

  @Test
  void logsInWithAPasswordOrAToken() {
    assertThat(service.logIn("ceo", "pw", "10.0.0.1:1"))
        .isEqualTo(new Principal("ceo", Role.executive(), java.util.Optional.empty()));
    assertThat(service.logInWithToken(TOKEN, "10.0.0.1:2"))
        .isEqualTo(new Principal("wang", Role.rep(), java.util.Optional.of("REP0001")));
  }

  @Test
  void saysTheSameForAnUnknownUserAndAWrongPasswordThenLocks() {
    String expected =
        "log-in refused: wrong user name, password or token. Check them, or ask the server's"
            + " administrator.";
    assertThatThrownBy(() -> service.logIn("nobody", "pw", "10.0.0.7:1"))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> service.logIn("ceo", "wrong", "10.0.0.7:2")).hasMessage(expected);
    // Two failures from 10.0.0.7: even the right password is refused from there for now.
    assertThatThrownBy(() -> service.logIn("ceo", "pw", "10.0.0.7:3"))
        .hasMessageContaining("too many failed log-ins lately; retry after");
    // A wrong token counts against its address alone.
    assertThatThrownBy(() -> service.logInWithToken("guess", "10.0.0.8:1")).hasMessage(expected);
    assertThat(service.logIn("ceo", "pw", "10.0.0.9:1").user()).isEqualTo("ceo");
  }

  @Test
  void answersWithinTheLimitsAndRefusesTooManyRows() {
    Principal ceo = service.logIn("ceo", "pw", "10.0.1.1:1");
    SemanticAnswer answer =
        service.execute(
            ceo,
            "SELECT MEASURE(revenue) FROM metrics",
            "test",
            "10.0.1.1:1",
            new QueryCancellation());
    // TinyGoldLake's twelve orders: 770.00 in 2023 and 1070.00 in 2024.
    assertThat((BigDecimal) answer.result().rows().get(0).value(0).orElseThrow())
        .isEqualByComparingTo("1840.00");

    assertThatThrownBy(
            () ->
                service.execute(
                    ceo,
                    "SELECT order_no FROM gold.fact_order",
                    "test",
                    "10.0.1.1:1",
                    new QueryCancellation()))
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TOO_MANY_ROWS))
        .hasMessage(
            "the query returns more than the 3 rows allowed; add a LIMIT, a filter or a GROUP BY");
  }
}
