package io.salesdw.ingestion.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A gazetteer of Chinese provinces and major cities with their standard romanisation, used to find
 * the place a company name starts with (上海华泰…, Shanghai Huatai…) or carries in brackets.
 */
final class Places {
  private static final String RESOURCE = "places.tsv";
  private static final Places INSTANCE = load();

  /** Chinese names, longest first, so 呼和浩特 is tried before any two-character prefix. */
  private final List<String> chineseNames;

  /** Romanisation without spaces or apostrophes, lower-case, to the Chinese name. */
  private final Map<String, String> byRomanisation;

  private Places(List<String> chineseNames, Map<String, String> byRomanisation) {
    this.chineseNames = List.copyOf(chineseNames);
    this.byRomanisation = Map.copyOf(byRomanisation);
  }

  static Places instance() {
    return INSTANCE;
  }

  /** The place a Chinese text starts with, if any. */
  Optional<String> chinesePrefix(String text) {
    for (String name : chineseNames) {
      if (text.startsWith(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** Whether the text is exactly a place name (in brackets: 华泰（上海）有限公司). */
  boolean isChinesePlace(String text) {
    return chineseNames.contains(text);
  }

  /** The Chinese name of a romanised place token ({@code shanghai}), if it is one. */
  Optional<String> fromRomanisation(String token) {
    return Optional.ofNullable(byRomanisation.get(token));
  }

  /** Romanisation key of a place written in Latin script: lower-case, letters only. */
  static String romanKey(String latin) {
    return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  private static Places load() {
    List<String> names = new ArrayList<>();
    Map<String, String> roman = new HashMap<>();
    try (InputStream in = Places.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        names.add(parts[0]);
        roman.put(romanKey(parts[1]), parts[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    return new Places(names, roman);
  }
}
