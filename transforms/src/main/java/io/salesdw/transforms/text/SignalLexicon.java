package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.text.Sentences.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds deal signals (decisions, price, service and competitor objections) in Chinese and English
 * sales notes, chat messages and transcript lines, with a lexicon of regular expressions.
 *
 * <p>The standard lexicon is the resource {@code signals.tsv} (phrase families for real Chinese and
 * English B2B sales talk) plus {@code competitors.tsv} (named competitors; the bundled one names
 * the fictional competitors of the demo data, a deployment adds its own with {@link
 * #withCompetitorNames}). Each line is {@code KIND<TAB>label<TAB>regex}; {@code #} starts a comment
 * line and {@code {gap}} in a regex stands for one character that is not a clause delimiter.
 *
 * <p>Matching works on the text normalised to NFKC with case folding, so full-width and upper-case
 * input match the lower-case, half-width lexicon; spans and phrases refer to that normalised text.
 * A match is dropped when a negator stands just before it in its clause ({@code 不太贵}, {@code not
 * ready to sign}) or inside one of its {@code {gap}}s ({@code 预算还没批下来}, {@code 价格不太贵}, {@code
 * budget is not approved}); negators the pattern spells out itself ({@code 预算不够}) count as part of
 * the phrase. A decision is also dropped when its clause is a question ({@code 预算批了吗?}).
 * Overlapping or touching matches of one kind (or ones only spaces apart) merge into one mention,
 * so {@link TextSignals#count} counts distinct mentions; matches of different kinds may overlap
 * ({@code 竞品报价更低} is both a price and a competitor objection).
 *
 * <p>Immutable, thread-safe and serialisable (the compiled patterns travel with it), so one
 * instance can be broadcast to Spark executors or captured by a UDF.
 */
public final class SignalLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The classpath resource of the phrase lexicon. */
  public static final String SIGNALS_RESOURCE = "signals.tsv";

  /** The classpath resource of the named competitors. */
  public static final String COMPETITORS_RESOURCE = "competitors.tsv";

  private static final String GAP = "[^" + Negation.CLAUSE_DELIMITERS + "]";
  // Regex escapes and Unicode property classes, skipped when checking that a pattern is written
  // in the normal form (\S would case-fold to \s).
  private static final Pattern ESCAPES = Pattern.compile("\\\\p\\{[^}]*}|\\\\P\\{[^}]*}|\\\\.");
  private static final Comparator<SignalMatch> TEXT_ORDER =
      Comparator.comparingInt(SignalMatch::start)
          .thenComparing(Comparator.comparingInt(SignalMatch::end).reversed())
          .thenComparing(SignalMatch::kind);

  private static final Pattern GAP_MACRO =
      Pattern.compile("\\{gap}(\\{\\d+(?:,\\d*)?}\\??|[*+?]\\??)?");

  private final List<LexiconEntry> entries;
  private final Pattern[] patterns;
  private final int[] gapCounts;

  private SignalLexicon(List<LexiconEntry> entries) {
    this.entries = List.copyOf(entries);
    this.patterns = new Pattern[this.entries.size()];
    this.gapCounts = new int[this.entries.size()];
    for (int i = 0; i < patterns.length; i++) {
      String pattern = this.entries.get(i).pattern();
      patterns[i] = Pattern.compile(expand(pattern));
      gapCounts[i] = (int) GAP_MACRO.matcher(pattern).results().count();
    }
  }

  /** The bundled lexicon: {@code signals.tsv} and {@code competitors.tsv}. */
  public static SignalLexicon standard() {
    List<LexiconEntry> entries = new ArrayList<>();
    for (String resource : List.of(SIGNALS_RESOURCE, COMPETITORS_RESOURCE)) {
      entries.addAll(parseEntries(resource, readResource(resource)));
    }
    return new SignalLexicon(entries);
  }

  /**
   * A lexicon from TSV text; {@code origin} names it in error messages. Every invalid line is
   * reported, with its line number, in one {@code USER_ERROR}.
   */
  public static SignalLexicon parse(String origin, String tsv) {
    return new SignalLexicon(parseEntries(origin, tsv));
  }

  /** A lexicon of the given entries; each pattern must compile. */
  public static SignalLexicon of(List<LexiconEntry> entries) {
    requireNonNull(entries, "entries is null");
    return new SignalLexicon(entries);
  }

  /**
   * This lexicon plus one {@link SalesSignal#OBJECTION_COMPETITOR} entry labelled {@code
   * named-competitor} per name, matched literally after normalisation (so {@code ＹＵＮＱＩ Tech}
   * matches {@code Yunqi Tech}); Latin names match whole words only.
   */
  public SignalLexicon withCompetitorNames(Collection<String> names) {
    requireNonNull(names, "names is null");
    List<LexiconEntry> extended = new ArrayList<>(entries);
    for (String name : names) {
      requireNonNull(name, "name is null");
      String normalised = TextNormalization.normalise(name).strip();
      if (normalised.isEmpty()) {
        throw new IllegalArgumentException("competitor name is blank");
      }
      extended.add(
          new LexiconEntry(
              SalesSignal.OBJECTION_COMPETITOR, "named-competitor", literalPattern(normalised)));
    }
    return new SignalLexicon(extended);
  }

  /** The entries of this lexicon, in file order. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  /** The signals in {@code text}, by the rules of the class comment. */
  public TextSignals signals(String text) {
    String normalised = TextNormalization.normalise(text);
    List<Sentence> sentences = null;
    List<SignalMatch> candidates = new ArrayList<>();
    for (int i = 0; i < patterns.length; i++) {
      LexiconEntry entry = entries.get(i);
      Matcher matcher = patterns[i].matcher(normalised);
      while (matcher.find()) {
        if (matcher.end() == matcher.start()
            || Negation.precedes(normalised, matcher.start())
            || negatedGap(matcher, gapCounts[i])) {
          continue;
        }
        if (entry.kind() == SalesSignal.DECISION) {
          if (sentences == null) {
            sentences = Sentences.split(normalised);
          }
          if (inQuestion(normalised, sentences, matcher.start())) {
            continue;
          }
        }
        candidates.add(
            new SignalMatch(
                entry.kind(), entry.label(), matcher.group(), matcher.start(), matcher.end()));
      }
    }
    return new TextSignals(mergeOverlaps(normalised, candidates));
  }

  /** Whether a negator stands in one of the {@code {gap}}s of the match: 预算还没批下来, 价格不太贵. */
  private static boolean negatedGap(Matcher matcher, int gaps) {
    for (int gap = 1; gap <= gaps; gap++) {
      String text = matcher.group("gap" + gap);
      if (text != null && Negation.within(text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the clause holding {@code position} asks a question: the clause alone is tested by the
   * question rules, and it inherits the sentence's question mark only when it is the last clause.
   */
  private static boolean inQuestion(String text, List<Sentence> sentences, int position) {
    Optional<Sentence> enclosing = Sentences.enclosing(sentences, position);
    if (enclosing.isEmpty()) {
      return false;
    }
    Sentence sentence = enclosing.get();
    int clauseStart = Math.max(sentence.start(), Negation.clauseStart(text, position));
    int bodyEnd = sentence.start() + sentence.body().length();
    int clauseEnd = Math.min(bodyEnd, Negation.clauseEnd(text, position));
    boolean lastClause = Negation.clauseEnd(text, position) >= bodyEnd;
    Sentence clause =
        new Sentence(
            text.substring(clauseStart, clauseEnd),
            clauseStart,
            clauseEnd,
            lastClause && sentence.questionMark(),
            lastClause && sentence.exclamationMark());
    return CustomerQuestionDetector.isQuestion(clause);
  }

  private static List<SignalMatch> mergeOverlaps(String text, List<SignalMatch> candidates) {
    Map<SalesSignal, List<SignalMatch>> byKind = new EnumMap<>(SalesSignal.class);
    candidates.sort(TEXT_ORDER);
    for (SignalMatch candidate : candidates) {
      List<SignalMatch> kept = byKind.computeIfAbsent(candidate.kind(), kind -> new ArrayList<>());
      SignalMatch last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      // Touching phrases of one kind, or ones only spaces apart, are one mention too: 在对比 +
      // 竞品 in 在对比竞品方案, "comparing with" + "yunqi tech". A line break keeps them apart.
      if (last != null && onlySpacesBetween(text, last.end(), candidate.start())) {
        if (candidate.end() > last.end()) {
          // The merged mention keeps the label of its first (longest) phrase.
          kept.set(
              kept.size() - 1,
              new SignalMatch(
                  last.kind(),
                  last.label(),
                  text.substring(last.start(), candidate.end()),
                  last.start(),
                  candidate.end()));
        }
      } else {
        kept.add(candidate);
      }
    }
    List<SignalMatch> merged = new ArrayList<>();
    byKind.values().forEach(merged::addAll);
    merged.sort(TEXT_ORDER);
    return merged;
  }

  private static boolean onlySpacesBetween(String text, int end, int start) {
    for (int i = end; i < start; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  private static List<LexiconEntry> parseEntries(String origin, String tsv) {
    requireNonNull(origin, "origin is null");
    requireNonNull(tsv, "tsv is null");
    List<LexiconEntry> entries = new ArrayList<>();
    List<String> issues = new ArrayList<>();
    String[] lines = tsv.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNumber = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        issues.add(
            String.format(
                "line %d: %d tab-separated field(s) instead of 3: '%s'",
                lineNumber, fields.length, line));
        continue;
      }
      Optional<SalesSignal> kind = kind(fields[0].strip());
      String label = fields[1].strip();
      String pattern = fields[2];
      if (kind.isEmpty()) {
        issues.add(String.format("line %d: unknown kind '%s'", lineNumber, fields[0].strip()));
      }
      if (label.isEmpty()) {
        issues.add(String.format("line %d: empty label", lineNumber));
      }
      Optional<String> problem = patternProblem(pattern);
      problem.ifPresent(
          text -> issues.add(String.format("line %d: pattern '%s' %s", lineNumber, pattern, text)));
      if (kind.isPresent() && !label.isEmpty() && problem.isEmpty()) {
        entries.add(new LexiconEntry(kind.get(), label, pattern));
      }
    }
    if (!issues.isEmpty()) {
      throw TextErrors.invalidLexicon(origin, issues);
    }
    return entries;
  }

  private static Optional<SalesSignal> kind(String name) {
    for (SalesSignal kind : SalesSignal.values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> patternProblem(String pattern) {
    if (pattern.isEmpty()) {
      return Optional.of("is empty");
    }
    try {
      Pattern compiled = Pattern.compile(expand(pattern));
      if (compiled.matcher("").matches()) {
        return Optional.of("matches the empty text");
      }
    } catch (PatternSyntaxException e) {
      return Optional.of("is not a valid regular expression (" + e.getDescription() + ")");
    }
    String literal = ESCAPES.matcher(pattern).replaceAll("");
    if (!TextNormalization.normalise(literal).equals(literal)) {
      return Optional.of(
          "is not in lower-case, half-width normal form (write it as '"
              + TextNormalization.normalise(literal)
              + "' outside escapes), so it could never match normalised text");
    }
    return Optional.empty();
  }

  /** The pattern with each {@code {gap}} (and its quantifier) as the named group gap1, gap2 … */
  private static String expand(String pattern) {
    Matcher gap = GAP_MACRO.matcher(pattern);
    StringBuilder expanded = new StringBuilder();
    int number = 0;
    while (gap.find()) {
      number++;
      String quantifier = gap.group(1) == null ? "" : gap.group(1);
      gap.appendReplacement(
          expanded, Matcher.quoteReplacement("(?<gap" + number + ">" + GAP + quantifier + ")"));
    }
    gap.appendTail(expanded);
    return expanded.toString();
  }

  private static String literalPattern(String name) {
    String quoted = Pattern.quote(name);
    String before = isLatinOrDigit(name.codePointAt(0)) ? "\\b" : "";
    String after = isLatinOrDigit(name.codePointBefore(name.length())) ? "\\b" : "";
    return before + quoted + after;
  }

  private static boolean isLatinOrDigit(int codePoint) {
    return codePoint < 0x80 && Character.isLetterOrDigit(codePoint);
  }

  private static String readResource(String resource) {
    try (InputStream in = SignalLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw TextErrors.missingResource(resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw TextErrors.unreadableResource(resource, e);
    }
  }
}
