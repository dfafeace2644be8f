package io.salesdw.generator.output;

import java.util.Locale;

/** The kinds of defect the generator injects on purpose; each is described in the README. */
public enum DefectKind {
  /** A value left empty in a column that is otherwise always filled. */
  MISSING_FIELD,
  /** A CSV record with more or fewer fields than the header. */
  MALFORMED_FIELD_COUNT,
  /** A number column holding text that does not parse as a plain decimal. */
  MALFORMED_NUMBER,
  /** A date or timestamp column holding text that does not parse in the documented format. */
  MALFORMED_DATE,
  /** A JSON Lines line that is not valid JSON (cut off mid-object). */
  MALFORMED_JSON,
  /** A record written twice, byte for byte (an export page or message pulled twice). */
  DUPLICATE_ROW,
  /** A change-feed record delivered again right after itself (at-least-once delivery). */
  DUPLICATE_CHANGE,
  /** A change-feed record delivered in a later month's file than its change. */
  LATE_CHANGE,
  /** A change-feed record placed after a later change of the same key in the same file. */
  OUT_OF_ORDER_CHANGE,
  /** The same company entered again as another CRM account or ERP customer. */
  DUPLICATE_ENTITY,
  /** A company name written differently from the company's registered name. */
  NAME_VARIANT;

  /** The snake_case name used in manifest.json. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
