package io.salesdw.semantic.model;

/** Whether a dimension groups by category or by time, at a grain the query chooses. */
public enum DimensionType {
  CATEGORICAL,
  TIME
}
