package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;

/**
 * A chart of an executive dashboard over one dataset: its form data ({@code params}) without the
 * datasource, which is the dataset's id on a server and its uuid in a bundle.
 */
public record ChartAsset(
    String sliceName,
    String datasetTable,
    String vizType,
    String description,
    Map<String, Object> formData,
    UUID uuid) {
  public ChartAsset {
    requireNonNull(sliceName, "sliceName is null");
    requireNonNull(datasetTable, "datasetTable is null");
    requireNonNull(vizType, "vizType is null");
    requireNonNull(description, "description is null");
    formData = Map.copyOf(requireNonNull(formData, "formData is null"));
    requireNonNull(uuid, "uuid is null");
  }
}
