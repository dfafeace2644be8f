package io.salesdw.transforms;

import java.util.List;

/** The funnel, lead-SLA and quote-approval marts. */
final class FunnelMarts {
  private FunnelMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
