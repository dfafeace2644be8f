package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** An executive dashboard: its title, slug (its key on a server) and charts, in layout order. */
public record DashboardAsset(
    String dashboardTitle, String slug, String description, List<String> charts, UUID uuid) {
  public DashboardAsset {
    requireNonNull(dashboardTitle, "dashboardTitle is null");
    requireNonNull(slug, "slug is null");
    requireNonNull(description, "description is null");
    charts = List.copyOf(requireNonNull(charts, "charts is null"));
    requireNonNull(uuid, "uuid is null");
  }
}
