package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;

/**
 * One row of the customer crosswalk: a source record, the unified customer it belongs to, and the
 * evidence of the strongest match that put it there.
 *
 * @param unifiedCustomerId the unified customer id, the same for every record of the company
 * @param source the record's system
 * @param recordId the record's id in that system
 * @param recordName the name the system shows ("" when it has none)
 * @param matchRule the strongest rule linking the record to another of its cluster
 * @param evidence the fields and values that rule compared, and the record on the other side
 * @param score the rule's confidence in [0, 1]; 0 for {@link MatchRule#UNMATCHED}
 */
public record CrosswalkEntry(
    String unifiedCustomerId,
    SourceSystem source,
    String recordId,
    String recordName,
    MatchRule matchRule,
    String evidence,
    double score) {
  public CrosswalkEntry {
    requireNonNull(unifiedCustomerId, "unifiedCustomerId is null");
    requireNonNull(source, "source is null");
    requireNonNull(recordId, "recordId is null");
    requireNonNull(recordName, "recordName is null");
    requireNonNull(matchRule, "matchRule is null");
    requireNonNull(evidence, "evidence is null");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }
}
