package io.salesdw.app;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.MetricTestResult;
import io.salesdw.semantic.MetricTestRunner;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.compile.ModelValidation;
import io.salesdw.semantic.engine.LakeRowTypes;
import io.salesdw.semantic.model.ModelCheck;
import io.salesdw.semantic.model.ModelIssue;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import io.salesdw.semantic.model.SemanticModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks the semantic model and runs its metric tests. */
@Command(
    mixinStandardHelpOptions = true,
    name = "model",
    description =
        "Check the semantic model (validate) and run its metrics' tests on a lake (test).",
    subcommands = {ModelCommand.Validate.class, ModelCommand.RunTests.class})
final class ModelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Reads the model whole and reports every issue with its file and line. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "validate",
      description = {
        "Read the semantic model and report every issue as file:line: message: its structure"
            + " (names, references, joins, time dimensions, metric cycles, tests), its SQL"
            + " expressions and, with --lake, its tables and columns against the lake's gold"
            + " tables (they exist, the types fit sums, conditions and time dimensions).",
        "Exits with 0 and a one-line summary when the model is valid, with 2 when it is not."
      })
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
    Path model;

    @Option(
        names = "--lake",
        paramLabel = "DIR",
        description = "Also check the model's tables and columns against this lake's gold zone.")
    String lake;

    @Option(names = "--json", description = "Print the outcome as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      console.progress("reading " + ModelFiles.describe(model));
      ModelCheck check = SemanticManifestLoader.check(ModelFiles.sources(model));
      List<ModelIssue> issues = new ArrayList<>(check.issues());
      Optional<SemanticManifest> manifest = check.manifest();
      if (manifest.isPresent()) {
        if (lake == null) {
          issues.addAll(ModelValidation.validate(manifest.get(), Optional.empty()));
        } else {
          console.progress("reading the gold tables of " + lake);
          issues.addAll(
              ModelValidation.validate(
                  manifest.get(), LakeRowTypes.ofZone(Lake.open(lake), LakeZone.GOLD)));
        }
      }
      boolean valid = issues.isEmpty();
      if (json) {
        JsonOutput.print(console, json(manifest, issues));
      } else {
        issues.forEach(issue -> console.result(issue.toString()));
        console.result(valid ? summary(manifest.orElseThrow()) : countIssues(issues));
      }
      return valid ? ExitCode.OK : ExitCode.USER_ERROR;
    }

    private String summary(SemanticManifest manifest) {
      return String.format(
          Locale.ROOT,
          "%s, %s, %s valid%s",
          count(manifest.semanticModels().size(), "semantic model"),
          count(manifest.metrics().size(), "metric"),
          count(dimensions(manifest), "dimension"),
          lake == null ? "" : " against the gold tables of " + lake);
    }

    private String countIssues(List<ModelIssue> issues) {
      return count(issues.size(), "issue") + " in " + ModelFiles.describe(model);
    }

    private static String count(int number, String noun) {
      return number + " " + noun + (number == 1 ? "" : "s");
    }

    private Map<String, Object> json(Optional<SemanticManifest> manifest, List<ModelIssue> issues) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("valid", issues.isEmpty());
      document.put("model", ModelFiles.describe(model));
      document.put("lake", lake);
      document.put("semanticModels", manifest.map(m -> m.semanticModels().size()).orElse(null));
      document.put("metrics", manifest.map(m -> m.metrics().size()).orElse(null));
      document.put("dimensions", manifest.map(Validate::dimensions).orElse(null));
      List<Map<String, Object>> listed = new ArrayList<>();
      for (ModelIssue issue : issues) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("file", issue.location().file());
        item.put("line", issue.location().line());
        item.put("message", issue.message());
        listed.add(item);
      }
      document.put("issues", listed);
      return document;
    }

    private static int dimensions(SemanticManifest manifest) {
      return manifest.semanticModels().stream()
          .map(SemanticModel::dimensions)
          .mapToInt(List::size)
          .sum();
    }
  }

  /** Runs every metric's tests on a lake: the data-quality gate of the metrics. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "test",
      description = {
        "Run every metric's tests on a lake: each asks SELECT <group-by>, MEASURE(<metric>) FROM"
            + " metrics [WHERE <where>] GROUP BY <group-by> and compares the rows with its expect"
            + " rows in any order (numbers within 1e-6 relative, dates as yyyy-mm-dd, an empty"
            + " value is NULL).",
        "Prints PASS or FAIL per test with the missing and unexpected rows; exits with 1 when"
            + " a test fails, 0 when all pass."
      })
  static final class RunTests implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake root.")
    String lake;

    @Option(names = "--model", paramLabel = "DIR", description = ModelFiles.MODEL_HELP)
    Path model;

    @Option(names = "--json", description = "Print the outcomes as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      SemanticManifest manifest = ModelFiles.load(model);
      List<MetricTestResult> results;
      try (SemanticLayer layer = SemanticLayer.embedded(Lake.open(lake), manifest)) {
        results = MetricTestRunner.run(layer);
      }
      long passed = results.stream().filter(MetricTestResult::passed).count();
      long failed = results.size() - passed;
      if (json) {
        JsonOutput.print(console, json(results, passed, failed));
      } else if (results.isEmpty()) {
        console.result("no metric of " + ModelFiles.describe(model) + " has tests");
      } else {
        results.forEach(result -> print(console, result));
        console.result(
            String.format(
                Locale.ROOT,
                "%d metric %s: %d passed, %d failed",
                results.size(),
                results.size() == 1 ? "test" : "tests",
                passed,
                failed));
      }
      return failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static void print(Console console, MetricTestResult result) {
      String name =
          String.format(
              Locale.ROOT,
              "%s / %s (%s)",
              result.metric(),
              result.test().name(),
              result.test().location());
      switch (result.outcome()) {
        case PASSED -> console.result("PASS  " + name);
        case FAILED -> {
          console.result("FAIL  " + name);
          console.result("      query: " + result.sql());
          result.missing().forEach(row -> console.result("      missing:    " + flow(row)));
          result.unexpected().forEach(row -> console.result("      unexpected: " + flow(row)));
        }
        case ERROR -> {
          console.result("ERROR " + name);
          console.result("      query: " + result.sql());
          console.result("      " + result.error().orElseThrow());
        }
      }
    }

    /** A row as the model's expect rows are written: {region: East, revenue: 12.5}. */
    static String flow(Map<String, String> row) {
      return row.entrySet().stream()
          .map(
              entry ->
                  entry.getKey() + ": " + (entry.getValue().isEmpty() ? "null" : entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }

    private static Map<String, Object> json(
        List<MetricTestResult> results, long passed, long failed) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("passed", passed);
      document.put("failed", failed);
      List<Map<String, Object>> tests = new ArrayList<>();
      for (MetricTestResult result : results) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("metric", result.metric());
        test.put("test", result.test().name());
        test.put("location", result.test().location().toString());
        test.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        test.put("sql", result.sql());
        test.put("missing", result.missing());
        test.put("unexpected", result.unexpected());
        test.put("error", result.error().orElse(null));
        tests.add(test);
      }
      document.put("tests", tests);
      return document;
    }
  }
}
