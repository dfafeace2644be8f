package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.StrictYaml;
import io.salesdw.semantic.model.ModelFileSpec.DimensionSpec;
import io.salesdw.semantic.model.ModelFileSpec.EntitySpec;
import io.salesdw.semantic.model.ModelFileSpec.InputSpec;
import io.salesdw.semantic.model.ModelFileSpec.MeasureSpec;
import io.salesdw.semantic.model.ModelFileSpec.MetricSpec;
import io.salesdw.semantic.model.ModelFileSpec.SemanticModelSpec;
import io.salesdw.semantic.model.ModelFileSpec.TestSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a semantic model from YAML files and checks it whole: every mistake in every file is
 * reported with its file and line before anything is compiled (MetricFlow's validator).
 *
 * <p>The model shipped for the sales domain is on the classpath ({@link #loadShipped()}); a user's
 * own is a directory of {@code *.yaml} files ({@link #load(Path)}).
 */
public final class SemanticManifestLoader {
  /** The shipped model's files, in the order they are read. */
  static final List<String> SHIPPED_FILES =
      List.of(
          "calendar.yaml",
          "dimensions.yaml",
          "orders.yaml",
          "pipeline.yaml",
          "leads.yaml",
          "targets.yaml",
          "customers.yaml",
          "health.yaml");

  private static final String SHIPPED_PREFIX = "/io/salesdw/semantic/model/sales/";

  private SemanticManifestLoader() {}

  /**
   * The sales-domain model shipped with salesdw.
   *
   * @throws SalesdwException if it has an issue (a bug: the build's tests check it)
   */
  public static SemanticManifest loadShipped() {
    return orThrow(check(shippedSources()), "the shipped model");
  }

  /** The shipped model's files. */
  public static List<ModelSource> shippedSources() {
    List<ModelSource> sources = new ArrayList<>();
    for (String file : SHIPPED_FILES) {
      String resource = SHIPPED_PREFIX + file;
      try (InputStream in = SemanticManifestLoader.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        sources.add(new ModelSource(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  /**
   * Reads every {@code *.yaml} (and {@code *.yml}) file of a directory, in name order.
   *
   * @throws SalesdwException listing every issue, with file and line
   */
  public static SemanticManifest load(Path directory) {
    return orThrow(check(sources(directory)), directory.toString());
  }

  /** The model files of a directory, in name order. */
  public static List<ModelSource> sources(Path directory) {
    requireNonNull(directory, "directory is null");
    if (!Files.isDirectory(directory)) {
      throw SemanticModelErrors.modelDirectoryMissing(directory);
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> yaml =
          files
              .filter(Files::isRegularFile)
              .filter(
                  path -> {
                    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".yaml") || name.endsWith(".yml");
                  })
              .sorted()
              .toList();
      if (yaml.isEmpty()) {
        throw SemanticModelErrors.modelDirectoryEmpty(directory);
      }
      List<ModelSource> sources = new ArrayList<>();
      for (Path file : yaml) {
        sources.add(new ModelSource(file.toString(), Files.readString(file)));
      }
      return sources;
    } catch (IOException e) {
      throw SemanticModelErrors.modelUnreadable(directory, e);
    }
  }

  /**
   * Reads and checks model files: the manifest when all is well, else every issue found. The syntax
   * of a file is checked first; a file that is not valid YAML is reported alone, and the other
   * files are still checked.
   */
  public static ModelCheck check(List<ModelSource> sources) {
    requireNonNull(sources, "sources is null");
    List<ModelIssue> issues = new ArrayList<>();
    List<SemanticModel> models = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    FiscalCalendar calendar = null;
    SourceLocation calendarLocation = null;
    Optional<TimeSpine> timeSpine = Optional.empty();
    for (ModelSource source : sources) {
      ModelFileSpec spec;
      try {
        spec = StrictYaml.read(source.text(), source.origin(), ModelFileSpec.class);
      } catch (SalesdwException e) {
        issues.add(issueOf(source.origin(), e.getMessage()));
        continue;
      }
      Reader reader = new Reader(new YamlLines(source.origin(), source.text()), issues);
      if (spec.fiscalCalendar() != null) {
        SourceLocation here = reader.lines.ofKey("fiscal-calendar", "", 1);
        if (calendar != null) {
          issues.add(
              new ModelIssue(
                  here,
                  "a second fiscal-calendar; the first is at "
                      + calendarLocation
                      + ". Declare the fiscal calendar once."));
        } else {
          calendar = reader.fiscalCalendar(spec.fiscalCalendar(), here);
          calendarLocation = here;
        }
      }
      if (spec.timeSpine() != null) {
        SourceLocation here = reader.lines.ofKey("time-spine", "", 1);
        if (timeSpine.isPresent()) {
          issues.add(
              new ModelIssue(
                  here,
                  "a second time-spine; the first is at "
                      + timeSpine.get().location()
                      + ". Declare the time spine once."));
        } else if (spec.timeSpine().table() == null || spec.timeSpine().column() == null) {
          issues.add(
              new ModelIssue(
                  here, "the time-spine needs a table and its date column (table:, column:)."));
        } else {
          timeSpine =
              Optional.of(new TimeSpine(spec.timeSpine().table(), spec.timeSpine().column(), here));
        }
      }
      for (SemanticModelSpec model : nonNull(spec.semanticModels())) {
        reader.semanticModel(model).ifPresent(models::add);
      }
      for (MetricSpec metric : nonNull(spec.metrics())) {
        reader.metric(metric).ifPresent(metrics::add);
      }
    }
    SemanticManifest manifest =
        new SemanticManifest(
            models, metrics, calendar == null ? FiscalCalendar.CALENDAR_YEAR : calendar, timeSpine);
    issues.addAll(ManifestValidator.validate(manifest));
    return issues.isEmpty()
        ? new ModelCheck(Optional.of(manifest), List.of())
        : new ModelCheck(Optional.empty(), issues);
  }

  private static SemanticManifest orThrow(ModelCheck check, String origin) {
    if (!check.isValid()) {
      throw SemanticModelErrors.invalidModel(origin, check.issues());
    }
    return check.manifest().orElseThrow();
  }

  /**
   * An issue for a file StrictYaml could not read. Its message starts with "origin line N: ", which
   * the issue's location says already; a line of 0 (no location known) becomes line 1.
   */
  private static ModelIssue issueOf(String origin, String message) {
    Matcher matcher =
        Pattern.compile("^" + Pattern.quote(origin) + " line (\\d+): ").matcher(message);
    if (matcher.find()) {
      int line = Math.max(1, Integer.parseInt(matcher.group(1)));
      return new ModelIssue(new SourceLocation(origin, line), message.substring(matcher.end()));
    }
    return new ModelIssue(new SourceLocation(origin, 1), message);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Turns one file's specs into records, adding an issue for each missing or invalid value. */
  private static final class Reader {
    private final YamlLines lines;
    private final List<ModelIssue> issues;
    // Items of a list are looked up one after the other from the list's key, so that two items of
    // the same name (a duplicate, or a metric named like its measure) get their own lines.
    private int nextModelLine;
    private int nextMetricLine;

    Reader(YamlLines lines, List<ModelIssue> issues) {
      this.lines = lines;
      this.issues = issues;
      this.nextModelLine = lines.ofSection("semantic-models", 1);
      this.nextMetricLine = lines.ofSection("metrics", 1);
    }

    FiscalCalendar fiscalCalendar(ModelFileSpec.FiscalCalendarSpec spec, SourceLocation at) {
      Month first = Month.JANUARY;
      DayOfWeek weekStart = DayOfWeek.MONDAY;
      if (spec.firstMonth() != null) {
        if (spec.firstMonth() < 1 || spec.firstMonth() > 12) {
          issue(at, "fiscal-calendar first-month is " + spec.firstMonth() + "; use 1 to 12.");
        } else {
          first = Month.of(spec.firstMonth());
        }
      }
      if (spec.weekStart() != null) {
        weekStart =
            parseEnum(DayOfWeek.class, spec.weekStart(), at, "fiscal-calendar week-start")
                .orElse(DayOfWeek.MONDAY);
      }
      return new FiscalCalendar(first, weekStart);
    }

    Optional<SemanticModel> semanticModel(SemanticModelSpec spec) {
      SourceLocation at = lines.ofName(spec.name(), nextModelLine);
      nextModelLine = at.line() + 1;
      String what = "semantic model '" + spec.name() + "'";
      if (spec.name() == null) {
        issue(at, "a semantic model has no name; every semantic model needs one.");
        return Optional.empty();
      }
      String table = required(spec.table(), at, what, "table");
      List<Entity> entities = new ArrayList<>();
      int entityLine = lines.ofSection("entities", at.line());
      for (EntitySpec entity : nonNull(spec.entities())) {
        SourceLocation entityAt = lines.ofName(entity.name(), entityLine);
        entityLine = entityAt.line() + 1;
        String entityWhat = "entity '" + entity.name() + "' of " + what;
        if (entity.name() == null) {
          issue(entityAt, "an entity of " + what + " has no name.");
          continue;
        }
        Optional<EntityType> type =
            requiredEnum(EntityType.class, entity.type(), entityAt, entityWhat, "type");
        type.ifPresent(
            t ->
                entities.add(
                    new Entity(entity.name(), t, orName(entity.expr(), entity.name()), entityAt)));
      }
      List<Dimension> dimensions = new ArrayList<>();
      int dimensionLine = lines.ofSection("dimensions", at.line());
      for (DimensionSpec dimension : nonNull(spec.dimensions())) {
        SourceLocation dimensionAt = lines.ofName(dimension.name(), dimensionLine);
        dimensionLine = dimensionAt.line() + 1;
        if (dimension.name() == null) {
          issue(dimensionAt, "a dimension of " + what + " has no name.");
          continue;
        }
        String dimensionWhat = "dimension '" + dimension.name() + "' of " + what;
        requiredEnum(DimensionType.class, dimension.type(), dimensionAt, dimensionWhat, "type")
            .ifPresent(
                type ->
                    dimensions.add(
                        new Dimension(
                            dimension.name(),
                            type,
                            orName(dimension.expr(), dimension.name()),
                            orEmpty(dimension.description()),
                            dimensionAt)));
      }
      List<Measure> measures = new ArrayList<>();
      int measureLine = lines.ofSection("measures", at.line());
      for (MeasureSpec measure : nonNull(spec.measures())) {
        SourceLocation measureAt = lines.ofName(measure.name(), measureLine);
        measureLine = measureAt.line() + 1;
        if (measure.name() == null) {
          issue(measureAt, "a measure of " + what + " has no name.");
          continue;
        }
        String measureWhat = "measure '" + measure.name() + "' of " + what;
        Optional<Aggregation> aggregation =
            requiredEnum(Aggregation.class, measure.agg(), measureAt, measureWhat, "agg");
        Optional<NonAdditiveDimension> nonAdditive = Optional.empty();
        if (measure.nonAdditiveDimension() != null) {
          ModelFileSpec.NonAdditiveSpec n = measure.nonAdditiveDimension();
          String name = required(n.name(), measureAt, measureWhat, "non-additive-dimension name");
          Optional<NonAdditiveDimension.PeriodEnd> window =
              n.window() == null
                  ? Optional.of(NonAdditiveDimension.PeriodEnd.MAX)
                  : parseEnum(
                      NonAdditiveDimension.PeriodEnd.class,
                      n.window(),
                      measureAt,
                      measureWhat + " non-additive-dimension window");
          if (name != null && window.isPresent()) {
            nonAdditive = Optional.of(new NonAdditiveDimension(name, window.get()));
          }
        }
        if (aggregation.isPresent()) {
          measures.add(
              new Measure(
                  measure.name(),
                  aggregation.get(),
                  orName(measure.expr(), measure.name()),
                  orEmpty(measure.description()),
                  nonAdditive,
                  Optional.ofNullable(measure.aggTimeDimension()),
                  measureAt));
        }
      }
      if (table == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SemanticModel(
              spec.name(),
              table,
              orEmpty(spec.description()),
              Optional.ofNullable(spec.filter()),
              Optional.ofNullable(spec.defaultTimeDimension()),
              entities,
              dimensions,
              measures,
              at));
    }

    Optional<Metric> metric(MetricSpec spec) {
      SourceLocation at = lines.ofName(spec.name(), nextMetricLine);
      nextMetricLine = at.line() + 1;
      if (spec.name() == null) {
        issue(at, "a metric has no name; every metric needs one.");
        return Optional.empty();
      }
      String what = "metric '" + spec.name() + "'";
      Optional<MetricGovernance> governance = governance(spec, at, what);
      List<MetricTest> tests = tests(spec, at, what);
      if (spec.type() == null) {
        issue(
            at, what + " has no type; give one of simple, ratio, derived, cumulative, conversion.");
        return Optional.empty();
      }
      String type = spec.type().toLowerCase(Locale.ROOT);
      Map<String, Object> unexpected = new LinkedHashMap<>();
      Optional<Metric> metric =
          switch (type) {
            case "simple" -> {
              collect(unexpected, spec, "numerator", "denominator", "expr", "inputs", "window");
              collect(unexpected, spec, "grain-to-date", "entity", "base-measure");
              collect(unexpected, spec, "conversion-measure", "calculation");
              String measure = required(spec.measure(), at, what, "measure");
              yield measure == null || governance.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new SimpleMetric(
                          spec.name(),
                          governance.get(),
                          measure,
                          Optional.ofNullable(spec.filter()),
                          tests,
                          at));
            }
            case "ratio" -> {
              collect(unexpected, spec, "measure", "expr", "inputs", "window", "grain-to-date");
              collect(unexpected, spec, "entity", "base-measure", "conversion-measure");
              collect(unexpected, spec, "calculation", "filter");
              String numerator = required(spec.numerator(), at, what, "numerator");
              String denominator = required(spec.denominator(), at, what, "denominator");
              yield numerator == null || denominator == null || governance.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new RatioMetric(
                          spec.name(), governance.get(), numerator, denominator, tests, at));
            }
            case "derived" -> {
              collect(unexpected, spec, "measure", "numerator", "denominator", "window");
              collect(unexpected, spec, "grain-to-date", "entity", "base-measure");
              collect(unexpected, spec, "conversion-measure", "calculation", "filter");
              String expr = required(spec.expr(), at, what, "expr");
              List<MetricInput> inputs = new ArrayList<>();
              if (spec.inputs() == null || spec.inputs().isEmpty()) {
                issue(at, what + " has no inputs; list the metrics its expr reads under inputs.");
              }
              for (InputSpec input : nonNull(spec.inputs())) {
                if (input.metric() == null) {
                  issue(at, "an input of " + what + " names no metric.");
                  continue;
                }
                Optional<TimeWindow> offset =
                    window(input.offsetWindow(), at, what + " input '" + input.metric() + "'");
                if (input.offsetWindow() == null || offset.isPresent()) {
                  inputs.add(
                      new MetricInput(input.metric(), Optional.ofNullable(input.alias()), offset));
                }
              }
              yield expr == null || governance.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new DerivedMetric(spec.name(), governance.get(), expr, inputs, tests, at));
            }
            case "cumulative" -> {
              collect(unexpected, spec, "numerator", "denominator", "expr", "inputs", "entity");
              collect(unexpected, spec, "base-measure", "conversion-measure", "calculation");
              collect(unexpected, spec, "filter");
              String measure = required(spec.measure(), at, what, "measure");
              Optional<TimeWindow> window = window(spec.window(), at, what);
              Optional<TimeGrain> grainToDate = Optional.empty();
              if (spec.grainToDate() != null) {
                grainToDate = TimeGrain.fromSuffix(spec.grainToDate());
                if (grainToDate.isEmpty()) {
                  issue(
                      at,
                      what
                          + " has grain-to-date '"
                          + spec.grainToDate()
                          + "'; use one of "
                          + grainNames()
                          + ".");
                }
              }
              if (spec.window() != null && spec.grainToDate() != null) {
                issue(at, what + " has both a window and a grain-to-date; keep one.");
                yield Optional.empty();
              }
              yield measure == null || governance.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new CumulativeMetric(
                          spec.name(), governance.get(), measure, window, grainToDate, tests, at));
            }
            case "conversion" -> {
              collect(unexpected, spec, "measure", "numerator", "denominator", "expr", "inputs");
              collect(unexpected, spec, "grain-to-date", "filter");
              String entity = required(spec.entity(), at, what, "entity");
              String base = required(spec.baseMeasure(), at, what, "base-measure");
              String conversion =
                  required(spec.conversionMeasure(), at, what, "conversion-measure");
              Optional<TimeWindow> window = window(spec.window(), at, what);
              if (spec.window() == null) {
                issue(
                    at, what + " has no window; say how long a conversion may take, e.g. 30 days.");
              }
              Optional<ConversionMetric.Calculation> calculation =
                  spec.calculation() == null
                      ? Optional.of(ConversionMetric.Calculation.CONVERSION_RATE)
                      : parseEnum(
                          ConversionMetric.Calculation.class,
                          spec.calculation(),
                          at,
                          what + " calculation");
              yield entity == null
                      || base == null
                      || conversion == null
                      || window.isEmpty()
                      || calculation.isEmpty()
                      || governance.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new ConversionMetric(
                          spec.name(),
                          governance.get(),
                          entity,
                          base,
                          conversion,
                          window.get(),
                          calculation.get(),
                          tests,
                          at));
            }
            default -> {
              issue(
                  at,
                  what
                      + " has type '"
                      + spec.type()
                      + "'; use one of simple, ratio, derived, cumulative, conversion.");
              yield Optional.empty();
            }
          };
      for (String key : unexpected.keySet()) {
        issue(
            at, what + " is a " + type + " metric, which takes no '" + key + "'. Remove the key.");
      }
      return unexpected.isEmpty() ? metric : Optional.empty();
    }

    private Optional<MetricGovernance> governance(MetricSpec spec, SourceLocation at, String what) {
      String owner = required(spec.owner(), at, what, "owner");
      String unit = required(spec.unit(), at, what, "unit");
      LocalizedText description = null;
      if (spec.description() == null
          || spec.description().en() == null
          || spec.description().zh() == null) {
        issue(
            at,
            what
                + " needs a description in English and Chinese (description: {en: ..., zh: ...}).");
      } else {
        description = new LocalizedText(spec.description().en(), spec.description().zh());
      }
      Certification certification = Certification.DRAFT;
      if (spec.certification() != null) {
        certification =
            parseEnum(Certification.class, spec.certification(), at, what + " certification")
                .orElse(null);
      }
      int version = spec.version() == null ? 1 : spec.version();
      if (version < 1) {
        issue(at, what + " has version " + version + "; versions start at 1.");
      }
      if (owner == null
          || unit == null
          || description == null
          || certification == null
          || version < 1) {
        return Optional.empty();
      }
      return Optional.of(
          new MetricGovernance(
              spec.label() == null ? spec.name() : spec.label(),
              owner,
              description,
              unit,
              spec.format() == null ? "" : spec.format(),
              certification,
              version));
    }

    private List<MetricTest> tests(MetricSpec spec, SourceLocation at, String what) {
      List<MetricTest> tests = new ArrayList<>();
      int testLine = lines.ofSection("tests", at.line());
      for (TestSpec test : nonNull(spec.tests())) {
        SourceLocation testAt = lines.ofName(test.name(), testLine);
        testLine = testAt.line() + 1;
        if (test.name() == null || test.expect() == null) {
          issue(testAt, "a test of " + what + " needs a name and expect rows.");
          continue;
        }
        List<Map<String, String>> expect = new ArrayList<>();
        for (Map<String, Object> row : test.expect()) {
          Map<String, String> values = new LinkedHashMap<>();
          row.forEach((key, value) -> values.put(key, value == null ? "" : value.toString()));
          expect.add(values);
        }
        tests.add(
            new MetricTest(
                test.name(),
                nonNull(test.groupBy()),
                Optional.ofNullable(test.where()),
                expect,
                testAt));
      }
      return tests;
    }

    private Optional<TimeWindow> window(String text, SourceLocation at, String what) {
      if (text == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(TimeWindow.parse(text));
      } catch (IllegalArgumentException e) {
        issue(at, what + ": " + e.getMessage() + ".");
        return Optional.empty();
      }
    }

    private String required(String value, SourceLocation at, String what, String key) {
      if (value == null || value.isBlank()) {
        issue(at, what + " has no " + key + "; add '" + key + ":'.");
        return null;
      }
      return value;
    }

    private <E extends Enum<E>> Optional<E> requiredEnum(
        Class<E> type, String value, SourceLocation at, String what, String key) {
      if (value == null) {
        issue(at, what + " has no " + key + "; use one of " + names(type) + ".");
        return Optional.empty();
      }
      return parseEnum(type, value, at, what + " " + key);
    }

    private <E extends Enum<E>> Optional<E> parseEnum(
        Class<E> type, String value, SourceLocation at, String what) {
      String constant = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E candidate : type.getEnumConstants()) {
        if (candidate.name().equals(constant)) {
          return Optional.of(candidate);
        }
      }
      issue(at, what + " is '" + value + "'; use one of " + names(type) + ".");
      return Optional.empty();
    }

    private void issue(SourceLocation at, String message) {
      issues.add(new ModelIssue(at, message));
    }

    private static void collect(Map<String, Object> unexpected, MetricSpec spec, String... keys) {
      Map<String, Function<MetricSpec, Object>> getters =
          Map.ofEntries(
              Map.entry("measure", MetricSpec::measure),
              Map.entry("filter", MetricSpec::filter),
              Map.entry("numerator", MetricSpec::numerator),
              Map.entry("denominator", MetricSpec::denominator),
              Map.entry("expr", MetricSpec::expr),
              Map.entry("inputs", MetricSpec::inputs),
              Map.entry("window", MetricSpec::window),
              Map.entry("grain-to-date", MetricSpec::grainToDate),
              Map.entry("entity", MetricSpec::entity),
              Map.entry("base-measure", MetricSpec::baseMeasure),
              Map.entry("conversion-measure", MetricSpec::conversionMeasure),
              Map.entry("calculation", MetricSpec::calculation));
      for (String key : keys) {
        if (getters.get(key).apply(spec) != null) {
          unexpected.put(key, Boolean.TRUE);
        }
      }
    }

    private static String grainNames() {
      return String.join(", ", Stream.of(TimeGrain.values()).map(TimeGrain::suffix).toList());
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
      return String.join(
          ", ",
          Stream.of(type.getEnumConstants())
              .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .toList());
    }

    private static String orName(String expr, String name) {
      return expr == null || expr.isBlank() ? name : expr;
    }

    private static String orEmpty(String text) {
      return text == null ? "" : text;
    }
  }
}
