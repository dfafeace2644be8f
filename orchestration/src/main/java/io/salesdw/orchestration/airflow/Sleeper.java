package io.salesdw.orchestration.airflow;

import java.time.Duration;

/** Pauses between polls; tests pass one that advances a fake clock instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
