package io.salesdw.semantic.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.avatica.BuiltInConnectionProperty;

/**
 * What a salesdw connection opens, from the URL's properties ({@code lake=…;model=…}) and those
 * given to {@code DriverManager}.
 *
 * @param lake the lake root: a local path or a Hadoop file system URI
 * @param model the directory of the semantic model's YAML files; empty for the shipped model
 */
record JdbcConnectionConfig(String lake, Optional<Path> model) {
  /** The lake root; required. */
  static final String LAKE = "lake";

  /** The model directory; the shipped sales model if absent. */
  static final String MODEL = "model";

  /** Sent by many tools whatever the driver; the embedded driver checks no credentials. */
  private static final Set<String> IGNORED = Set.of("user", "password");

  JdbcConnectionConfig {
    requireNonNull(lake, "lake is null");
    requireNonNull(model, "model is null");
  }

  /**
   * Reads the properties; Avatica's own ({@code timeZone}…) are left to Avatica.
   *
   * @throws io.salesdw.contracts.SalesdwException naming every unknown property and a missing lake
   */
  static JdbcConnectionConfig from(Map<String, String> properties) {
    Set<String> avatica =
        Stream.of(BuiltInConnectionProperty.values())
            .map(BuiltInConnectionProperty::camelName)
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (String key : properties.keySet()) {
      String name = key.toLowerCase(Locale.ROOT);
      if (!name.equals(LAKE)
          && !name.equals(MODEL)
          && !IGNORED.contains(name)
          && !avatica.contains(name)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      problems.add("unknown propert" + (unknown.size() == 1 ? "y " : "ies ") + unknown);
    }
    Optional<String> lake = value(properties, LAKE);
    if (lake.isEmpty()) {
      problems.add("no '" + LAKE + "'");
    }
    if (!problems.isEmpty()) {
      throw JdbcErrors.badProperties(problems, List.of(LAKE, MODEL));
    }
    return new JdbcConnectionConfig(lake.orElseThrow(), value(properties, MODEL).map(Path::of));
  }

  // Avatica's parser keeps keys as written: LAKE= and lake= are the same property.
  private static Optional<String> value(Map<String, String> properties, String key) {
    return properties.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .filter(value -> value != null && !value.isBlank())
        .map(String::strip)
        .findFirst();
  }
}
