package io.salesdw.serve;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestLoginThrottle {
  private static final LoginLimits LIMITS =
      new LoginLimits(3, Duration.ofSeconds(60), Duration.ofSeconds(120));

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

  @Test
  void locksAUserAfterTooManyFailuresAndSaysWhenToRetry() {
    throttle.recordFailure("ann", "10.0.0.1:5000");
    throttle.recordFailure("ann", "10.0.0.2:5000");
    assertThatCode(() -> throttle.checkAllowed("ann", "10.0.0.3:5000")).doesNotThrowAnyException();
    clock.advance(Duration.ofSeconds(10));
    throttle.recordFailure("ann", "10.0.0.3:5000");

    // Locked from the third failure (09:00:10) for 120 s, from any address.
    assertThatThrownBy(() -> throttle.checkAllowed("ann", "10.0.0.9:1"))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "log-in refused: too many failed log-ins lately; retry after 09:02:10 UTC (in 120 s).");
    clock.advance(Duration.ofSeconds(119));
    assertThatThrownBy(() -> throttle.checkAllowed("ann", "10.0.0.9:1"))
        .hasMessageContaining("(in 1 s)");
    clock.advance(Duration.ofSeconds(1));
    assertThatCode(() -> throttle.checkAllowed("ann", "10.0.0.9:1")).doesNotThrowAnyException();
    // Another user was never locked.
    assertThatCode(() -> throttle.checkAllowed("bob", "10.0.0.1:5000")).doesNotThrowAnyException();
  }

  @Test
  void locksAnAddressGuessingManyUsers() {
    throttle.recordFailure("ann", "10.0.0.1:5000");
    throttle.recordFailure("bob", "10.0.0.1:5001");
    throttle.recordFailure("cho", "10.0.0.1:5002");

    assertThatThrownBy(() -> throttle.checkAllowed("dan", "10.0.0.1:6000"))
        .hasMessageContaining("too many failed log-ins")
        .hasMessageNotContaining("dan");
    assertThatCode(() -> throttle.checkAllowed("dan", "10.0.0.2:6000")).doesNotThrowAnyException();
  }

  @Test
  void forgetsFailuresOlderThanTheWindow() {
    throttle.recordFailure("ann", "10.0.0.1:5000");
    throttle.recordFailure("ann", "10.0.0.1:5000");
    clock.advance(Duration.ofSeconds(61));
    throttle.recordFailure("ann", "10.0.0.1:5000");

    assertThatCode(() -> throttle.checkAllowed("ann", "10.0.0.1:5000")).doesNotThrowAnyException();
  }

  @Test
  void successResetsOnlyTheSameUserFromTheSameAddress() {
    throttle.recordFailure("ann", "10.0.0.6:1");
    throttle.recordFailure("ann", "10.0.0.6:2");
    // The real user logs in from elsewhere: the guesser's failures still count.
    throttle.recordSuccess("ann", "10.0.0.1:5000");
    throttle.recordFailure("ann", "10.0.0.6:3");

    assertThatThrownBy(() -> throttle.checkAllowed("ann", "10.0.0.1:5000"))
        .hasMessageContaining("retry after");
  }

  @Test
  void successFromTheSameAddressResets() {
    throttle.recordFailure("ann", "10.0.0.1:1");
    throttle.recordFailure("ann", "10.0.0.1:2");
    throttle.recordSuccess("ann", "10.0.0.1:3");
    throttle.recordFailure("ann", "10.0.0.1:4");

    assertThatCode(() -> throttle.checkAllowed("ann", "10.0.0.1:5")).doesNotThrowAnyException();
  }

  @Test
  void readsTheHostOfAClientAddress() {
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.address("10.1.2.3:5000"))
        .isEqualTo("10.1.2.3");
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.address("[::1]:5000"))
        .isEqualTo("::1");
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.address("localhost"))
        .isEqualTo("localhost");
  }

  /** A clock the test moves by hand. */
  private static final class FakeClock extends Clock {
    private Instant now;

    FakeClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
