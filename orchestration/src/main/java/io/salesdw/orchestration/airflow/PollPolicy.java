package io.salesdw.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How to wait for a run: the first pause between two polls, growing by {@code multiplier} up to
 * {@code maxInterval}, and the overall {@code timeout} after which waiting fails. Backing off keeps
 * a month-long wait from hammering the scheduler's database.
 */
public record PollPolicy(
    Duration initialInterval, Duration maxInterval, double multiplier, Duration timeout) {
  /** 5 s, doubling up to 1 min, for at most 6 h: the monthly pipeline takes tens of minutes. */
  public static final PollPolicy DEFAULT =
      new PollPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 2.0, Duration.ofHours(6));

  public PollPolicy {
    requireNonNull(initialInterval, "initialInterval is null");
    requireNonNull(maxInterval, "maxInterval is null");
    requireNonNull(timeout, "timeout is null");
    if (initialInterval.isNegative() || initialInterval.isZero()) {
      throw new IllegalArgumentException("initialInterval must be positive: " + initialInterval);
    }
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException(
          "maxInterval " + maxInterval + " is shorter than initialInterval " + initialInterval);
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** The same policy with another first pause (and a maximum no shorter than it). */
  public PollPolicy withInitialInterval(Duration interval) {
    Duration max = maxInterval.compareTo(interval) < 0 ? interval : maxInterval;
    return new PollPolicy(interval, max, multiplier, timeout);
  }

  /** The same policy with another overall timeout. */
  public PollPolicy withTimeout(Duration newTimeout) {
    return new PollPolicy(initialInterval, maxInterval, multiplier, newTimeout);
  }

  /** The pause after the one given: multiplied, capped at the maximum. */
  Duration next(Duration interval) {
    double millis = interval.toMillis() * multiplier;
    return millis >= maxInterval.toMillis()
        ? maxInterval
        : Duration.ofMillis(Math.max(1, Math.round(millis)));
  }
}
