package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How failed log-ins are throttled ({@code login:} in the configuration).
 *
 * @param maxFailures failures within {@code window}, of one user or from one address, that lock it
 * @param window how far back failures count
 * @param lockout how long a lock lasts
 */
public record LoginLimits(int maxFailures, Duration window, Duration lockout) {
  public static final int DEFAULT_MAX_FAILURES = 5;
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
  public static final Duration DEFAULT_LOCKOUT = Duration.ofSeconds(60);

  public LoginLimits {
    requireNonNull(window, "window is null");
    requireNonNull(lockout, "lockout is null");
    if (maxFailures < 1) {
      throw new IllegalArgumentException("max-failures must be at least 1: " + maxFailures);
    }
    if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("window and lockout must be positive");
    }
  }

  public static LoginLimits defaults() {
    return new LoginLimits(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_LOCKOUT);
  }
}
