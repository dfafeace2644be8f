package io.salesdw.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryAuditEntry;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryContext;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestGovernedSemanticService {
  private static final String TOKEN = PasswordHash.newToken();

  @TempDir static Path directory;

  private static GovernedSemanticService service;
  private static SemanticLayer layer;

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
    layer =
        SemanticLayer.embedded(Lake.open(lake.toString()), SemanticManifestLoader.loadShipped());
  }

  @AfterAll
  static void close() {
    service.close();
    layer.close();
  }

  @Test
  void refusesAQueryBeyondTheUsersConcurrentLimitAndAuditsIt() throws Exception {
    ServeConfig config =
        ServeConfig.parse(
            "limits: {concurrent-queries-per-user: 2}\n"
                + "users: [{name: ceo, role: executive, password-hash: \""
                + PasswordHash.ofPassword("pw").encoded()
                + "\"}]\n",
            "serve.yaml",
            directory,
            name -> null);
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<QueryAuditEntry> audited = new CopyOnWriteArrayList<>();
    // Holds each query until the test releases it, so that two run at once without sleeps.
    BiFunction<String, QueryContext, SemanticAnswer> held =
        (sql, context) -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return layer.query(sql, context);
        };
    Instant now = Instant.parse("2026-03-01T09:00:00Z");
    GovernedSemanticService limited =
        new GovernedSemanticService(
            layer, held, audited::add, config, Clock.fixed(now, ZoneOffset.UTC), List.of());
    Principal ceo = limited.logIn("ceo", "pw", "10.0.2.1:1");
    String count = "SELECT COUNT(*) FROM gold.fact_order";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<SemanticAnswer> first =
          pool.submit(
              () -> limited.execute(ceo, count, "test", "10.0.2.1:1", new QueryCancellation()));
      Future<SemanticAnswer> second =
          pool.submit(
              () -> limited.execute(ceo, count, "test", "10.0.2.1:2", new QueryCancellation()));
      assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(
              () ->
                  limited.execute(
                      ceo, "SELECT 3", "flight-sql", "10.0.2.1:3", new QueryCancellation()))
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TOO_MANY_QUERIES))
          .hasMessage(
              "user ceo already runs 2 queries, as many as allowed at once; retry when one has"
                  + " finished");
      assertThat(audited)
          .containsExactly(
              new QueryAuditEntry(
                  now,
                  Duration.ZERO,
                  "ceo",
                  "executive",
                  "flight-sql",
                  "10.0.2.1:3",
                  "SELECT 3",
                  List.of(),
                  List.of(),
                  0,
                  QueryOutcome.TOO_MANY_QUERIES,
                  Optional.of(
                      "user ceo already runs 2 queries, as many as allowed at once; retry when"
                          + " one has finished")));

      release.countDown();
      // Twelve orders in TinyGoldLake.
      assertThat(first.get(60, TimeUnit.SECONDS).result().rows().get(0).value(0))
          .hasValueSatisfying(value -> assertThat(((Number) value).longValue()).isEqualTo(12));
      second.get(60, TimeUnit.SECONDS);
      // Both finished: their permits are free again.
      assertThat(limited.execute(ceo, count, "test", "10.0.2.1:4", new QueryCancellation()))
          .isNotNull();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void logsInWithAPasswordOrAToken() {
    assertThat(service.logIn("ceo", "pw", "10.0.0.1:1"))
        .isEqualTo(new Principal("ceo", Role.executive(), Optional.empty()));
    assertThat(service.logInWithToken(TOKEN, "10.0.0.1:2"))
        .isEqualTo(new Principal("wang", Role.rep(), Optional.of("REP0001")));
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
