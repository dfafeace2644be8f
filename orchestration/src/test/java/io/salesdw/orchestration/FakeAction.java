package io.salesdw.orchestration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A scripted action: fails the first {@code failures} calls, fails every call for the months in
 * {@code failingMonths}, otherwise returns {@code outcome}; records the months it was called for
 * and the order of calls across actions in {@code journal}.
 */
final class FakeAction implements TaskAction {
  private final String id;
  private final List<String> journal;
  private int failures;
  private Set<YearMonth> failingMonths = Set.of();
  private Function<YearMonth, TaskOutcome> outcome =
      month -> TaskOutcome.done("did " + month, Map.of("rows", 7L));
  private String inputFingerprint = "";
  final List<YearMonth> calls = new ArrayList<>();

  FakeAction(String id, List<String> journal) {
    this.id = id;
    this.journal = journal;
  }

  FakeAction failingFirst(int times) {
    this.failures = times;
    return this;
  }

  FakeAction failingIn(Set<YearMonth> months) {
    this.failingMonths = Set.copyOf(months);
    return this;
  }

  FakeAction returning(Function<YearMonth, TaskOutcome> outcome) {
    this.outcome = outcome;
    return this;
  }

  void inputs(String fingerprint) {
    this.inputFingerprint = fingerprint;
  }

  @Override
  public TaskOutcome run(YearMonth month) {
    calls.add(month);
    journal.add(id + "@" + month);
    if (failures > 0) {
      failures--;
      throw new IllegalStateException(id + " broke");
    }
    if (failingMonths.contains(month)) {
      throw new IllegalStateException(id + " broke in " + month);
    }
    return outcome.apply(month);
  }

  @Override
  public String inputFingerprint(YearMonth month) {
    return inputFingerprint;
  }
}
