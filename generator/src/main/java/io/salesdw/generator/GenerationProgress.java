package io.salesdw.generator;

import java.time.Duration;

/**
 * Receives the generator's progress, step by step ("simulation", "organisation", "leads",
 * "opportunities", "accounts", "activities", "forecasts", "changes", "erp", "chat", "manifest").
 * Called from the thread that runs {@link SalesOrganisationGenerator#generate}, in order.
 */
public interface GenerationProgress {
  /** A step begins. */
  void stepStarted(String step);

  /** A step ended after writing {@code rows} records. */
  void stepFinished(String step, long rows, Duration elapsed);

  /** Progress that goes nowhere. */
  static GenerationProgress silent() {
    return new GenerationProgress() {
      @Override
      public void stepStarted(String step) {}

      @Override
      public void stepFinished(String step, long rows, Duration elapsed) {}
    };
  }
}
