package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The recorded state of every task that has run for one month. */
public record MonthState(YearMonth month, Map<String, TaskRunState> tasks) {
  public MonthState {
    requireNonNull(month, "month is null");
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    tasks.forEach(
        (id, state) -> {
          if (!id.equals(state.task())) {
            throw new IllegalArgumentException("state of " + state.task() + " filed under " + id);
          }
        });
  }

  /** A month nothing has run for yet. */
  public static MonthState empty(YearMonth month) {
    return new MonthState(month, Map.of());
  }

  /** The last run of {@code task}, if any. */
  public Optional<TaskRunState> task(String task) {
    return Optional.ofNullable(tasks.get(task));
  }

  /** This state with {@code state} recorded for its task. */
  public MonthState with(TaskRunState state) {
    Map<String, TaskRunState> updated = new LinkedHashMap<>(tasks);
    updated.put(state.task(), state);
    return new MonthState(month, updated);
  }
}
