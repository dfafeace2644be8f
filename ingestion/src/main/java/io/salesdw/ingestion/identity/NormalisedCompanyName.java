package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A company name reduced to what identifies the company: the place it names (in Chinese, e.g. 上海,
 * whichever script the name was written in), its core without place and legal suffix (华泰医疗器械, or
 * the Latin tokens of an English name), and the core's romanisation as syllables or words, for
 * comparing names across scripts.
 *
 * @param original the name as the source system shows it
 * @param place the province or city the name carries, in Chinese
 * @param core the core: Chinese characters, or lower-case Latin words joined by single spaces
 * @param romanised the core's pinyin syllables (Chinese) or its words (Latin), lower-case ASCII
 * @param latinScript whether the name was written in Latin script (pinyin or English)
 * @param legalForm the legal form the suffix names, in any script: {@code group}, {@code
 *     joint_stock}, {@code limited} or {@code company}; absent when the name has no suffix. 有限公司
 *     and 股份有限公司 of one brand in one city are two registered companies, so it matters.
 */
public record NormalisedCompanyName(
    String original,
    Optional<String> place,
    String core,
    List<String> romanised,
    boolean latinScript,
    Optional<String> legalForm) {
  public NormalisedCompanyName {
    requireNonNull(original, "original is null");
    requireNonNull(place, "place is null");
    requireNonNull(core, "core is null");
    romanised = List.copyOf(requireNonNull(romanised, "romanised is null"));
    requireNonNull(legalForm, "legalForm is null");
  }

  /** Whether the two names may be one company's as far as their legal forms tell. */
  public boolean legalFormCompatible(NormalisedCompanyName other) {
    return legalForm.isEmpty() || other.legalForm.isEmpty() || legalForm.equals(other.legalForm);
  }

  /** The romanisation as one string without separators, for edit-distance comparisons. */
  public String romanKey() {
    return String.join("", romanised);
  }

  /** Whether anything identifying is left once place and suffix are gone. */
  public boolean isEmpty() {
    return core.isEmpty();
  }
}
