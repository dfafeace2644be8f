package io.salesdw.ingestion.identity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which records are the same customer company and gives each company one unified id.
 *
 * <p>Records are blocked on exact keys — credit code, WeCom contact id, normalised phone, and the
 * normalised name (place + core) — so no rule compares every pair. Pairs found are accepted
 * strongest rule first into a union-find; two clusters holding different credit codes are never
 * merged, as a credit code identifies a legal entity. Names that are not exact are then compared
 * with the companies already formed: a Chinese name core with Jaro-Winkler at least {@link
 * #SIMILAR_NAME_THRESHOLD} against the cores in the same place (all places when the name has none),
 * a Latin name's letters at least {@link #ROMANISED_NAME_THRESHOLD} against the pinyin of the
 * Chinese cores, and an English name whose first word is the pinyin of the start of exactly one
 * company's core in the same place. A weak match is taken only when it is unambiguous: no other
 * company scores within {@link #AMBIGUITY_MARGIN} of the best (the same short name in two cities
 * links to neither).
 *
 * <p>Deterministic: the same records in any order give the same crosswalk.
 */
public final class CustomerMatcher {
  /** Jaro-Winkler over Chinese cores from which a short form (华泰医疗 ~ 华泰医疗器械, 0.93) counts. */
  public static final double SIMILAR_NAME_THRESHOLD = 0.90;

  /** Jaro-Winkler over romanised letters from which a pinyin name matches a Chinese one. */
  public static final double ROMANISED_NAME_THRESHOLD = 0.92;

  /** How close a second company's score may come to the best before the match is ambiguous. */
  public static final double AMBIGUITY_MARGIN = 0.02;

  /** Confidence of a shared phone: switchboards and mobiles are personal to one company. */
  static final double PHONE_SCORE = 0.95;

  /** Confidence of the same name core in the same place. */
  static final double EXACT_NAME_SCORE = 0.90;

  /** Confidence of an English name linked by its romanised brand alone. */
  static final double ROMANISED_BRAND_SCORE = 0.80;

  /** Cores shorter than this (一院, 口腔) say too little to link on. */
  private static final int MIN_CORE_LENGTH = 2;

  /** The shortest phone number (digits) taken as a phone rather than an extension. */
  private static final int MIN_PHONE_DIGITS = 7;

  private static final int CREDIT_CODE_LENGTH = 18;

  /** Characters of the brand (字号) that must agree: most brands are two characters. */
  private static final int BRAND_LENGTH = 2;

  private final CompanyNameNormaliser normaliser = new CompanyNameNormaliser();
  private final Places places = Places.instance();

  /** The crosswalk of the records: one entry per record, in the records' sorted order. */
  public List<CrosswalkEntry> match(List<IdentityRecord> input) {
    requireNonNull(input, "input is null");
    List<IdentityRecord> records =
        input.stream()
            .sorted(
                Comparator.comparing((IdentityRecord r) -> r.source().ordinal())
                    .thenComparing(IdentityRecord::recordId))
            .toList();
    Run run = new Run(records);
    run.linkOnSharedKeys();
    run.linkOnNames();
    return run.crosswalk();
  }

  /** The state of one matching run over a fixed, sorted list of records. */
  private final class Run {
    private final List<IdentityRecord> records;
    private final Clusters clusters;
    private final Edge[] strongest;
    private final Map<NameKey, List<Integer>> nameGroups = new LinkedHashMap<>();

    Run(List<IdentityRecord> records) {
      this.records = records;
      this.strongest = new Edge[records.size()];
      List<Optional<String>> creditCodes = new ArrayList<>();
      for (IdentityRecord record : records) {
        creditCodes.add(record.unifiedSocialCreditCode().flatMap(CustomerMatcher::creditCode));
      }
      this.clusters = new Clusters(creditCodes);
    }

    void linkOnSharedKeys() {
      Map<String, List<Integer>> byCreditCode = new LinkedHashMap<>();
      Map<String, List<Integer>> byChatContact = new LinkedHashMap<>();
      Map<String, List<Integer>> byPhone = new LinkedHashMap<>();
      for (int i = 0; i < records.size(); i++) {
        IdentityRecord record = records.get(i);
        int index = i;
        clusters.creditCode(i).ifPresent(code -> block(byCreditCode, code, index));
        record.chatContactIds().stream().distinct().forEach(id -> block(byChatContact, id, index));
        record.phones().stream()
            .map(CustomerMatcher::phone)
            .flatMap(Optional::stream)
            .distinct()
            .forEach(phone -> block(byPhone, phone, index));
      }
      linkBlocks(
          byCreditCode, MatchRule.UNIFIED_SOCIAL_CREDIT_CODE, 1.0, "unified_social_credit_code=");
      linkBlocks(byChatContact, MatchRule.CHAT_CONTACT_LINK, 1.0, "wecom_external_userid=");
      linkBlocks(byPhone, MatchRule.PHONE, PHONE_SCORE, "phone=");
    }

    void linkOnNames() {
      for (int i = 0; i < records.size(); i++) {
        IdentityRecord record = records.get(i);
        if (record.name().isEmpty() || record.name().get().isBlank()) {
          continue;
        }
        NormalisedCompanyName name = normaliser.normalise(record.name().get());
        String key = name.latinScript() ? name.romanKey() : name.core();
        if (key.length() < MIN_CORE_LENGTH) {
          continue;
        }
        Optional<String> place =
            name.place().or(() -> record.city().flatMap(places::chinesePrefix));
        block(nameGroups, new NameKey(name.latinScript(), place, key, name.legalForm(), name), i);
      }
      Map<String, List<NameKey>> anchorsByPlace = new HashMap<>();
      List<NameKey> anchors = new ArrayList<>();
      Map<String, Set<String>> placesPerCore = new HashMap<>();
      for (NameKey key : nameGroups.keySet()) {
        if (!key.latinScript() && key.place().isPresent()) {
          anchors.add(key);
          anchorsByPlace.computeIfAbsent(key.place().get(), p -> new ArrayList<>()).add(key);
          placesPerCore.computeIfAbsent(key.core(), c -> new HashSet<>()).add(key.place().get());
        }
      }
      for (Map.Entry<NameKey, List<Integer>> group : nameGroups.entrySet()) {
        NameKey key = group.getKey();
        // Without a place, one core may be several companies (第一人民医院 in every city): the
        // records are linked to each other only when at most one place is known for the core.
        if (key.place().isEmpty() && placesPerCore.getOrDefault(key.core(), Set.of()).size() > 1) {
          continue;
        }
        List<Integer> members = group.getValue();
        for (int k = 1; k < members.size(); k++) {
          accept(
              new Edge(
                  members.get(0),
                  members.get(k),
                  MatchRule.EXACT_NAME,
                  EXACT_NAME_SCORE,
                  "name core=" + key.describe()));
        }
      }
      for (NameKey key : nameGroups.keySet()) {
        if (!key.latinScript()) {
          List<NameKey> candidates =
              key.place().map(p -> anchorsByPlace.getOrDefault(p, List.of())).orElse(anchors);
          linkToBest(key, candidates, false);
        }
      }
      for (NameKey key : nameGroups.keySet()) {
        if (key.latinScript()) {
          List<NameKey> candidates =
              key.place().map(p -> anchorsByPlace.getOrDefault(p, List.of())).orElse(anchors);
          if (!linkToBest(key, candidates, true) && key.place().isPresent()) {
            linkOnRomanisedBrand(key, candidates);
          }
        }
      }
    }

    /**
     * Links the key's records to the one company whose name scores best, if that is at or above the
     * threshold and no other company comes within the margin. Returns whether a company was found
     * (linked now or before).
     */
    private boolean linkToBest(NameKey key, List<NameKey> candidates, boolean romanised) {
      double threshold = romanised ? ROMANISED_NAME_THRESHOLD : SIMILAR_NAME_THRESHOLD;
      Map<Integer, Scored> bestPerCluster = new HashMap<>();
      for (NameKey candidate : candidates) {
        if (candidate.equals(key) || !moreComplete(key, candidate, romanised)) {
          continue;
        }
        double score =
            romanised
                ? JaroWinkler.similarity(key.core(), candidate.name().romanKey())
                : JaroWinkler.similarity(key.core(), candidate.core());
        if (score >= threshold) {
          int root = clusters.find(head(candidate));
          Scored previous = bestPerCluster.get(root);
          if (previous == null || score > previous.score()) {
            bestPerCluster.put(root, new Scored(candidate, score));
          }
        }
      }
      if (bestPerCluster.isEmpty()) {
        return false;
      }
      List<Scored> ranked =
          bestPerCluster.values().stream()
              .sorted(
                  Comparator.comparingDouble(Scored::score)
                      .reversed()
                      .thenComparing(s -> s.key().describe()))
              .toList();
      Scored best = ranked.get(0);
      if (ranked.size() > 1 && ranked.get(1).score() > best.score() - AMBIGUITY_MARGIN) {
        return false;
      }
      MatchRule rule = romanised ? MatchRule.ROMANISED_NAME : MatchRule.SIMILAR_NAME;
      double score = best.score() == 1.0 && !romanised ? EXACT_NAME_SCORE : best.score();
      accept(
          new Edge(
              head(key),
              head(best.key()),
              best.score() == 1.0 && !romanised ? MatchRule.EXACT_NAME : rule,
              score,
              String.format(
                  Locale.ROOT,
                  "name %s ~ %s, jaro-winkler %.3f%s",
                  key.describe(),
                  best.key().describe(),
                  best.score(),
                  key.place().isEmpty() ? ", the only company with a name this close" : "")));
      return true;
    }

    /**
     * An English name translates the industry words, so only its first word — the brand in pinyin —
     * can be compared: it links when exactly one company in the same place has a core whose first
     * syllables spell it.
     */
    private void linkOnRomanisedBrand(NameKey key, List<NameKey> candidates) {
      List<String> words = key.name().romanised();
      if (words.size() < 2) {
        return;
      }
      String brand = words.get(0);
      Map<Integer, NameKey> clustersWithBrand = new LinkedHashMap<>();
      for (NameKey candidate : candidates) {
        if (key.name().legalFormCompatible(candidate.name())
            && spellsBrand(brand, candidate.name().romanised())) {
          clustersWithBrand.putIfAbsent(clusters.find(head(candidate)), candidate);
        }
      }
      if (clustersWithBrand.size() == 1) {
        NameKey only = clustersWithBrand.values().iterator().next();
        accept(
            new Edge(
                head(key),
                head(only),
                MatchRule.ROMANISED_NAME,
                ROMANISED_BRAND_SCORE,
                "name "
                    + key.describe()
                    + ": brand '"
                    + brand
                    + "' is the pinyin of "
                    + only.describe()
                    + ", the only company in "
                    + key.place().orElseThrow()
                    + " with that brand"));
      }
    }

    /**
     * Names are linked from the less to the more complete only — a short form to the full name, a
     * name without suffix to one with — so two full names that differ (华泰医疗器械有限公司, 华泰医疗器械股份有限公司)
     * are never joined through the short form they share. The brand (字号), which leads a Chinese
     * name after the place, must agree.
     */
    private boolean moreComplete(NameKey key, NameKey candidate, boolean romanised) {
      if (!key.name().legalFormCompatible(candidate.name())
          || (key.legalForm().isPresent() && candidate.legalForm().isEmpty())) {
        return false;
      }
      if (romanised) {
        return spellsBrand(key.name().romanised().get(0), candidate.name().romanised());
      }
      return candidate.core().length() >= key.core().length()
          && candidate.core().startsWith(key.core().substring(0, BRAND_LENGTH));
    }

    private int head(NameKey key) {
      return nameGroups.get(key).get(0);
    }

    private void linkBlocks(
        Map<String, List<Integer>> blocks, MatchRule rule, double score, String field) {
      for (Map.Entry<String, List<Integer>> block : blocks.entrySet()) {
        List<Integer> members = block.getValue();
        for (int k = 1; k < members.size(); k++) {
          accept(new Edge(members.get(0), members.get(k), rule, score, field + block.getKey()));
        }
      }
    }

    private void accept(Edge edge) {
      if (clusters.union(edge.left(), edge.right())) {
        for (int end : new int[] {edge.left(), edge.right()}) {
          if (strongest[end] == null || strongest[end].score() < edge.score()) {
            strongest[end] = edge;
          }
        }
      }
    }

    List<CrosswalkEntry> crosswalk() {
      Map<Integer, String> idOfRoot = new HashMap<>();
      List<CrosswalkEntry> entries = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        IdentityRecord record = records.get(i);
        // Records are sorted, so the first record met of a cluster is its smallest key.
        String id = idOfRoot.computeIfAbsent(clusters.find(i), root -> unifiedId(record.key()));
        Edge edge = strongest[i];
        entries.add(
            new CrosswalkEntry(
                id,
                record.source(),
                record.recordId(),
                record.name().orElse(""),
                edge == null ? MatchRule.UNMATCHED : edge.rule(),
                edge == null
                    ? "no other record shares a credit code, contact, phone or name"
                    : edge.evidence()
                        + " with "
                        + records.get(edge.left() == i ? edge.right() : edge.left()).key(),
                edge == null ? 0.0 : edge.score()));
      }
      return List.copyOf(entries);
    }
  }

  /** Whether a romanised word is the pinyin of the first two or more syllables (华泰 → huatai). */
  private static boolean spellsBrand(String word, List<String> syllables) {
    StringBuilder prefix = new StringBuilder();
    for (int k = 0; k < syllables.size() && prefix.length() < word.length(); k++) {
      prefix.append(syllables.get(k));
      if (k >= 1 && prefix.toString().equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static <K> void block(Map<K, List<Integer>> blocks, K key, int index) {
    blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
  }

  /** A credit code in canonical form, if the text is one (18 characters after NFKC and trim). */
  static Optional<String> creditCode(String text) {
    String code =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replaceAll("[\\s-]", "")
            .toUpperCase(Locale.ROOT);
    return code.length() == CREDIT_CODE_LENGTH ? Optional.of(code) : Optional.empty();
  }

  /** A phone number as digits only, without the +86 country code. */
  static Optional<String> phone(String text) {
    String digits = text.replaceAll("[^0-9]", "");
    if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    }
    return digits.length() >= MIN_PHONE_DIGITS ? Optional.of(digits) : Optional.empty();
  }

  /** {@code UC} and 12 hex digits of the SHA-256 of the cluster's smallest record key. */
  static String unifiedId(String smallestKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(smallestKey.getBytes(StandardCharsets.UTF_8));
      return "UC" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The name by which records are grouped: script, place and core (pinyin letters if Latin). */
  private record NameKey(
      boolean latinScript,
      Optional<String> place,
      String core,
      Optional<String> legalForm,
      NormalisedCompanyName name) {
    @Override
    public boolean equals(Object other) {
      return other instanceof NameKey key
          && latinScript == key.latinScript
          && place.equals(key.place)
          && core.equals(key.core)
          && legalForm.equals(key.legalForm);
    }

    @Override
    public int hashCode() {
      return Objects.hash(latinScript, place, core, legalForm);
    }

    String describe() {
      return core
          + place.map(p -> " (" + p + ")").orElse("")
          + legalForm.map(f -> " " + f).orElse("");
    }
  }

  private record Scored(NameKey key, double score) {}

  private record Edge(int left, int right, MatchRule rule, double score, String evidence) {}
}
