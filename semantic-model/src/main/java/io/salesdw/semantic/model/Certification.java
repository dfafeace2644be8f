package io.salesdw.semantic.model;

/** Whether a metric may be shown to executives as the governed number. */
public enum Certification {
  /** Reviewed by its owner; dashboards and reports may use it. */
  CERTIFIED,
  /** Being built; analysts may query it, reports should not. */
  DRAFT,
  /** Kept for old queries; a replacement is named in its description. */
  DEPRECATED
}
