package io.salesdw.semantic.compile;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.model.NearestName;
import java.util.Collection;

/**
 * The user-facing errors of a metric query: each names what was asked, why it cannot be answered
 * and, where one exists, the nearest valid name.
 */
final class SemanticQueryErrors {
  private SemanticQueryErrors() {}

  static SalesdwException unknownMetric(String name, Collection<String> known) {
    return user(
        "There is no metric '"
            + name
            + "'"
            + NearestName.hint(name, known)
            + "."
            + " Run 'salesdw metrics' to list them.");
  }

  static SalesdwException unknownDimension(String name, Collection<String> known) {
    return user(
        "There is no dimension '"
            + name
            + "'"
            + NearestName.hint(name, known)
            + "."
            + " Time dimensions take a grain suffix such as '__month'; 'salesdw metrics"
            + " --dimensions' lists them.");
  }

  static SalesdwException unreachableDimension(String dimension, String metric, String model) {
    return user(
        "Dimension '"
            + dimension
            + "' cannot be reached from metric '"
            + metric
            + "': no chain of many-to-one joins leads from semantic model '"
            + model
            + "' to it. Group that metric by a dimension its model can reach, or query it"
            + " separately.");
  }

  static SalesdwException grainOnCategorical(String dimension) {
    return user(
        "Dimension '"
            + dimension
            + "' is categorical and has no time grain; drop the '__<grain>' suffix.");
  }

  static SalesdwException timeGrainRequired(String metric, String why) {
    return user(
        "Metric '"
            + metric
            + "' "
            + why
            + ": group by exactly one time grain, e.g. metric_time__month.");
  }

  static SalesdwException unsupported(String what) {
    return user(what);
  }

  static SalesdwException unknownComparison(String metric, String comparison) {
    return user(
        "MEASURE("
            + metric
            + ", '"
            + comparison
            + "') names no comparison; use one of "
            + PeriodComparison.names()
            + ".");
  }

  static SalesdwException badMetricQuery(String problem) {
    return user(problem);
  }

  private static SalesdwException user(String message) {
    return new SalesdwException(ErrorKind.USER_ERROR, message);
  }
}
