package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process engine under a served query's limits: a query that would run for hours (a
 * trillion-row cross join) is stopped, and the engine answers the next query.
 */
// A limit that does not work would leave the cross join running for hours: fail instead.
@Timeout(120)
class TestDuckDbEngineLimits {
  // 10^12 pairs: hours of work, so it is still running whenever the test acts.
  private static final String ENDLESS =
      "SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = 7";
  private static final String THREE_ROWS = "SELECT * FROM (VALUES (1), (2), (3)) AS t(x)";
  // Generous for a noisy 2-core machine; the limits under test are far below it.
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path lakeRoot;

  private DuckDbEngine engine;
  private ExecutorService clients;

  @BeforeEach
  void openEngine() {
    engine = DuckDbEngine.open(Lake.open(lakeRoot.toString()));
    clients = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void closeEngine() {
    clients.shutdownNow();
    engine.close();
  }

  @Test
  void stopsAQueryAtItsTimeoutAndThenAnswersTheNext() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                engine.execute(
                    ENDLESS,
                    new QueryLimits(Duration.ofMillis(300), Long.MAX_VALUE),
                    new QueryCancellation()))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("longer than the 300 ms allowed")
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TIMED_OUT));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(BOUND);

    assertThat(values(engine.execute("SELECT 6 * 7"))).containsExactly(List.of(42));
  }

  @Test
  void cancelsARunningQueryFromAnotherThread() throws Exception {
    QueryCancellation cancellation = new QueryCancellation();
    Future<QueryResult> running =
        clients.submit(() -> engine.execute(ENDLESS, QueryLimits.none(), cancellation));
    awaitBusy();

    long cancelled = System.nanoTime();
    cancellation.cancel();
    assertThatThrownBy(() -> running.get(BOUND.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SalesdwException.class)
        .hasMessage("the query was cancelled")
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.CANCELLED));
    assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(BOUND);

    assertThat(values(engine.execute("SELECT 6 * 7"))).containsExactly(List.of(42));
  }

  @Test
  void countsTheWaitForTheEngineInTheTimeout() throws Exception {
    QueryCancellation first = new QueryCancellation();
    Future<QueryResult> running =
        clients.submit(() -> engine.execute(ENDLESS, QueryLimits.none(), first));
    awaitBusy();

    // The engine runs one query at a time: this one never gets its turn within 300 ms.
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                engine.execute(
                    "SELECT 1",
                    new QueryLimits(Duration.ofMillis(300), Long.MAX_VALUE),
                    new QueryCancellation()))
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TIMED_OUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(BOUND);
    assertThat(running.isDone()).isFalse();

    first.cancel();
    assertThatThrownBy(() -> running.get(BOUND.toSeconds(), TimeUnit.SECONDS))
        .cause()
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.CANCELLED));
  }

  @Test
  void refusesAQueryCancelledBeforeItStarts() {
    QueryCancellation cancellation = new QueryCancellation();
    cancellation.cancel();
    assertThatThrownBy(() -> engine.execute("SELECT 1", QueryLimits.none(), cancellation))
        .hasMessage("the query was cancelled");
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    assertThatThrownBy(
            () ->
                engine.execute(
                    THREE_ROWS,
                    new QueryLimits(Duration.ofSeconds(30), 2),
                    new QueryCancellation()))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("more than the 2 rows allowed")
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TOO_MANY_ROWS));
  }

  @Test
  void returnsAsManyRowsAsTheLimit() {
    QueryResult two =
        engine.execute(
            "SELECT * FROM (VALUES (1), (2)) AS t(x) ORDER BY x",
            new QueryLimits(Duration.ofSeconds(30), 2),
            new QueryCancellation());
    assertThat(values(two)).containsExactly(List.of(1), List.of(2));
    assertThat(
            values(
                engine.execute(
                    THREE_ROWS + " ORDER BY x",
                    new QueryLimits(Duration.ofSeconds(30), 3),
                    new QueryCancellation())))
        .containsExactly(List.of(1), List.of(2), List.of(3));
  }

  /** Waits, within the bound, until the client's query holds the engine. */
  private void awaitBusy() throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!engine.busy()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the query never started");
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  private static List<List<Object>> values(QueryResult result) {
    return result.rows().stream()
        .map(row -> row.values().stream().map(Optional::orElseThrow).toList())
        .toList();
  }
}
