package io.salesdw.orchestration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one second forward each time it is read. */
final class SteppingClock extends Clock {
  private Instant now = Instant.parse("2025-07-01T02:00:00Z");

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("one zone is enough");
  }

  @Override
  public Instant instant() {
    Instant current = now;
    now = now.plus(Duration.ofSeconds(1));
    return current;
  }
}
