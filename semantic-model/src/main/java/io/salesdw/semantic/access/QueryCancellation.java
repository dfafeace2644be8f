package io.salesdw.semantic.access;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's cancel button: an endpoint presses it from another thread (the client cancelled, or
 * went away), and the layer stops the engine's work for that query and fails it as cancelled.
 */
public final class QueryCancellation {
  private final List<Runnable> listeners = new ArrayList<>();
  private boolean cancelled;

  /** Cancels the query, once; later calls do nothing. */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(listeners);
      listeners.clear();
    }
    toRun.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} when the query is cancelled, at once if it already is. For the layer, to
   * interrupt the engine.
   */
  public void onCancel(Runnable action) {
    synchronized (this) {
      if (!cancelled) {
        listeners.add(action);
        return;
      }
    }
    action.run();
  }
}
