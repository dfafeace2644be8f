package io.salesdw.semantic.engine;

import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryRefusals;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBC statement running under a served query's limits: it is cancelled in the engine when the
 * query's time runs out or the user cancels it, and then tells the caller which refusal to throw.
 * Closing it (before its statement is reused or closed) guarantees no cancel reaches the engine
 * afterwards, so that a late cancel never stops the next query.
 */
final class RunningStatement implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningStatement.class);

  // A cancel that reaches DuckDB before the statement starts is lost (each query clears the
  // connection's interrupt flag): a stopped statement is cancelled again at this pace until it
  // returns.
  private static final long RECANCEL_MILLIS = 20;

  private static final Duration LONGEST = Duration.ofDays(365L * 100);

  // How often a query reading its rows looks whether it was stopped.
  private static final int ROWS_BETWEEN_CHECKS = 1024;

  private enum State {
    RUNNING,
    TIMED_OUT,
    CANCELLED
  }

  private final Statement statement;
  private final QueryLimits limits;
  private final ScheduledExecutorService watchdog;
  private State state = State.RUNNING;
  private boolean closed;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> recancel;

  private RunningStatement(
      Statement statement, QueryLimits limits, ScheduledExecutorService watchdog) {
    this.statement = statement;
    this.limits = limits;
    this.watchdog = watchdog;
  }

  /**
   * Watches {@code statement} from now until {@link #close()}: it is cancelled at {@code
   * deadlineNanos} (on {@link System#nanoTime()}'s clock) or when {@code cancellation} is pressed.
   */
  static RunningStatement watch(
      Statement statement,
      long deadlineNanos,
      QueryLimits limits,
      QueryCancellation cancellation,
      ScheduledExecutorService watchdog) {
    RunningStatement running = new RunningStatement(statement, limits, watchdog);
    synchronized (running) {
      running.deadline =
          watchdog.schedule(
              () -> running.stop(State.TIMED_OUT),
              Math.max(0, deadlineNanos - System.nanoTime()),
              TimeUnit.NANOSECONDS);
    }
    cancellation.onCancel(() -> running.stop(State.CANCELLED));
    return running;
  }

  /**
   * The deadline of a query under {@code limits} started now, on {@link System#nanoTime()}'s clock.
   */
  static long deadline(QueryLimits limits) {
    // A timeout of centuries is no limit; keep the sum from overflowing.
    long timeout =
        limits.timeout().compareTo(LONGEST) > 0 ? LONGEST.toNanos() : limits.timeout().toNanos();
    return System.nanoTime() + timeout;
  }

  /** The one thread of an engine that cancels its statements: a daemon, named for the engine. */
  static ScheduledExecutorService watchdog(String engine) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "salesdw-" + engine + "-query-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    // Most deadlines are cancelled long before they fall due; do not keep them queued.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * Called before reading row {@code rowsRead + 1} of the result: throws the row limit's refusal at
   * the first row too many (so a result is never read past it), and now and then the refusal of a
   * statement that was stopped.
   */
  void beforeRow(long rowsRead) {
    if (rowsRead >= limits.maxRows()) {
      throw QueryRefusals.tooManyRows(limits.maxRows());
    }
    if (rowsRead % ROWS_BETWEEN_CHECKS == 0) {
      checkNotStopped();
    }
  }

  /**
   * Throws the refusal for a statement that was stopped: timed out or cancelled. For the caller, on
   * an error from the engine (the cancel's own) and now and then while it reads rows.
   */
  synchronized void checkNotStopped() {
    if (state == State.TIMED_OUT) {
      throw QueryRefusals.timedOut(limits.timeout());
    }
    if (state == State.CANCELLED) {
      throw QueryRefusals.cancelled();
    }
  }

  private synchronized void stop(State why) {
    if (closed || state != State.RUNNING) {
      return;
    }
    state = why;
    cancelStatement();
    recancel =
        watchdog.scheduleWithFixedDelay(
            this::cancelAgain, RECANCEL_MILLIS, RECANCEL_MILLIS, TimeUnit.MILLISECONDS);
  }

  private synchronized void cancelAgain() {
    if (!closed) {
      cancelStatement();
    }
  }

  private void cancelStatement() {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // The statement ended meanwhile; the caller sees the outcome from the state.
      LOG.debug("Cancelling a statement failed", e);
    }
  }

  /** Stops watching: no cancel reaches the engine after this returns. */
  @Override
  public synchronized void close() {
    closed = true;
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (recancel != null) {
      recancel.cancel(false);
    }
  }
}
