package io.salesdw.generator.world;

import static java.util.Objects.requireNonNull;

import io.salesdw.generator.market.Market;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Volumes;
import io.salesdw.generator.random.EntityRandom;
import io.salesdw.generator.time.SalesCalendar;

/** What every simulation step reads: the volumes, the year, the randomness, the org and market. */
public record World(
    Volumes volumes,
    SalesCalendar calendar,
    EntityRandom random,
    Organisation organisation,
    Market market) {
  public World {
    requireNonNull(volumes, "volumes is null");
    requireNonNull(calendar, "calendar is null");
    requireNonNull(random, "random is null");
    requireNonNull(organisation, "organisation is null");
    requireNonNull(market, "market is null");
  }
}
