package io.salesdw.ingestion.identity;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a company name, Chinese or Latin, to a {@link NormalisedCompanyName}: NFKC (full-width
 * letters, digits and brackets to half-width), lower case, the place in brackets or at the start
 * taken out, legal suffixes (有限公司, 股份有限公司, 集团, Co., Ltd., Youxian Gongsi…) stripped, punctuation
 * and spaces removed, and the core romanised to pinyin with ICU's Han-Latin transliterator so that
 * 华泰医疗器械 and "Huatai Yiliao Qixie" can be compared. Not thread-safe.
 */
public final class CompanyNameNormaliser {
  /** Chinese legal forms, tried longest first and repeatedly (集团 + 有限公司). */
  private static final List<String> CHINESE_SUFFIXES =
      sortedLongestFirst(
          "集团股份有限公司",
          "集团有限责任公司",
          "集团有限公司",
          "股份有限公司",
          "有限责任公司",
          "有限公司",
          "股份公司",
          "集团公司",
          "总公司",
          "分公司",
          "公司",
          "集团");

  /** Words a place name is followed by (上海市, 广东省). */
  private static final List<String> PLACE_TAILS = List.of("自治区", "省", "市");

  /**
   * Latin legal-form words, including the pinyin of the Chinese forms; stripped only from the end
   * of the name, so a brand that happens to be one of them in the middle survives.
   */
  private static final Set<String> LATIN_SUFFIX_WORDS =
      Set.of(
          "co",
          "ltd",
          "limited",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "company",
          "group",
          "holding",
          "holdings",
          "llc",
          "plc",
          "joint",
          "stock",
          "youxian",
          "gongsi",
          "gufen",
          "jituan",
          "zeren");

  /** Words of a romanised place name (Shanghai Shi, Guangdong Sheng). */
  private static final Set<String> LATIN_PLACE_TAILS = Set.of("shi", "sheng", "city");

  private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Places places = Places.instance();
  private final Transliterator toPinyin =
      Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

  /** Names repeat across systems and contacts; the transliterator is the costly step. */
  private final Map<String, NormalisedCompanyName> cache = new HashMap<>();

  /** The normalised form of a company name. */
  public NormalisedCompanyName normalise(String name) {
    return cache.computeIfAbsent(name, this::compute);
  }

  /** The pinyin syllables of a Chinese text, lower-case ASCII (华泰 → [hua, tai]). */
  public List<String> romanise(String chinese) {
    String latin = toPinyin.transliterate(chinese);
    return Arrays.stream(NOT_LETTER_OR_DIGIT.split(latin)).filter(s -> !s.isEmpty()).toList();
  }

  private NormalisedCompanyName compute(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    Optional<String> place = Optional.empty();
    Matcher bracket = BRACKETED.matcher(text);
    StringBuilder outside = new StringBuilder();
    while (bracket.find()) {
      Optional<String> bracketPlace = placeOf(bracket.group(1).strip());
      if (bracketPlace.isPresent()) {
        place = bracketPlace;
        bracket.appendReplacement(outside, " ");
      } else {
        // Other bracketed words (a branch, 中国) stay part of the name, without the brackets.
        bracket.appendReplacement(outside, " " + Matcher.quoteReplacement(bracket.group(1)) + " ");
      }
    }
    bracket.appendTail(outside);
    text = outside.toString();
    return HAN.matcher(text).find() ? chinese(name, text, place) : latin(name, text, place);
  }

  private NormalisedCompanyName chinese(String original, String text, Optional<String> place) {
    String core = NOT_LETTER_OR_DIGIT.matcher(text).replaceAll("");
    StringBuilder suffixes = new StringBuilder();
    core = stripSuffixes(core, suffixes);
    // Provinces then cities may both lead (广东省深圳市…); the last one is the most specific.
    for (Optional<String> prefix = places.chinesePrefix(core);
        prefix.isPresent() && core.length() > prefix.get().length();
        prefix = places.chinesePrefix(core)) {
      place = prefix;
      core = core.substring(prefix.get().length());
      for (String tail : PLACE_TAILS) {
        if (core.startsWith(tail) && core.length() > tail.length()) {
          core = core.substring(tail.length());
          break;
        }
      }
    }
    return new NormalisedCompanyName(
        original, place, core, romanise(core), false, legalForm(suffixes.toString()));
  }

  private NormalisedCompanyName latin(String original, String text, Optional<String> place) {
    List<String> words =
        new ArrayList<>(
            Arrays.stream(NOT_LETTER_OR_DIGIT.split(text.replace("'", "")))
                .filter(s -> !s.isEmpty())
                .toList());
    StringBuilder suffixes = new StringBuilder();
    while (!words.isEmpty() && LATIN_SUFFIX_WORDS.contains(words.get(words.size() - 1))) {
      suffixes.append(' ').append(words.remove(words.size() - 1));
    }
    if (words.size() > 1) {
      // Two-word places (Hong Kong) before one-word ones.
      Optional<String> two = places.fromRomanisation(words.get(0) + words.get(1));
      Optional<String> one = places.fromRomanisation(words.get(0));
      if (two.isPresent() && words.size() > 2) {
        place = two;
        words.subList(0, 2).clear();
      } else if (one.isPresent()) {
        place = one;
        words.remove(0);
      }
      if (words.size() > 1 && LATIN_PLACE_TAILS.contains(words.get(0))) {
        words.remove(0);
      }
    }
    return new NormalisedCompanyName(
        original, place, String.join(" ", words), words, true, legalForm(suffixes.toString()));
  }

  private Optional<String> placeOf(String text) {
    String stripped = text;
    for (String tail : PLACE_TAILS) {
      if (stripped.endsWith(tail) && stripped.length() > tail.length()) {
        stripped = stripped.substring(0, stripped.length() - tail.length());
        break;
      }
    }
    if (places.isChinesePlace(stripped)) {
      return Optional.of(stripped);
    }
    return places.fromRomanisation(Places.romanKey(text));
  }

  /** The legal form the stripped suffix words name, the same for 股份有限公司 and Joint Stock Co. */
  private static Optional<String> legalForm(String suffixes) {
    if (suffixes.isBlank()) {
      return Optional.empty();
    }
    if (suffixes.contains("集团") || suffixes.contains("group") || suffixes.contains("jituan")) {
      return Optional.of("group");
    }
    if (suffixes.contains("股份") || suffixes.contains("stock") || suffixes.contains("gufen")) {
      return Optional.of("joint_stock");
    }
    if (suffixes.contains("有限")
        || suffixes.contains("ltd")
        || suffixes.contains("limited")
        || suffixes.contains("youxian")) {
      return Optional.of("limited");
    }
    return Optional.of("company");
  }

  private static String stripSuffixes(String core, StringBuilder stripped) {
    boolean again = true;
    while (again) {
      again = false;
      for (String suffix : CHINESE_SUFFIXES) {
        if (core.endsWith(suffix) && core.length() > suffix.length()) {
          core = core.substring(0, core.length() - suffix.length());
          stripped.append(suffix);
          again = true;
          break;
        }
      }
    }
    return core;
  }

  private static List<String> sortedLongestFirst(String... words) {
    return Arrays.stream(words).sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }
}
