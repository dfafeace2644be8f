package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** One run of the pipeline for one month: each task's report, in run order. */
public record MonthRun(YearMonth month, List<TaskReport> tasks) {
  public MonthRun {
    requireNonNull(month, "month is null");
    tasks = List.copyOf(tasks);
  }

  /** Whether every task is finished. */
  public boolean succeeded() {
    return tasks.stream().allMatch(task -> task.disposition().finished());
  }

  /** The task a data-quality gate stopped, if any. */
  public Optional<TaskReport> gateFailure() {
    return first(TaskDisposition.GATE_FAILED);
  }

  /** The first task whose every attempt threw, if any. */
  public Optional<TaskReport> failure() {
    return first(TaskDisposition.FAILED);
  }

  /** How many tasks ended as {@code disposition}. */
  public long count(TaskDisposition disposition) {
    return tasks.stream().filter(task -> task.disposition() == disposition).count();
  }

  private Optional<TaskReport> first(TaskDisposition disposition) {
    return tasks.stream().filter(task -> task.disposition() == disposition).findFirst();
  }
}
