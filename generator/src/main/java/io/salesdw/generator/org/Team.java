package io.salesdw.generator.org;

import static java.util.Objects.requireNonNull;

/** A sales team in one region, led by a manager who is also a rep (level M1). */
public record Team(int index, String id, String name, int regionIndex, int managerRepIndex) {
  public Team {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
  }
}
