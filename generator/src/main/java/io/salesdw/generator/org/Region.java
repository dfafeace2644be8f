package io.salesdw.generator.org;

import static java.util.Objects.requireNonNull;

/** A sales region (华东, 华南 …). */
public record Region(int index, String id, String name) {
  public Region {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
  }
}
