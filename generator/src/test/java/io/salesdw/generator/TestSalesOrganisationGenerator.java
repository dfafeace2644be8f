package io.salesdw.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSalesOrganisationGenerator {
  private static final double SCALE = 0.02;

  @TempDir Path temp;

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheDefaultZoneAndLocale() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    generate(first, 7);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      // A different default zone and locale must not change a byte.
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      generate(second, 7);
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
    Map<String, byte[]> a = contents(first);
    Map<String, byte[]> b = contents(second);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    assertThat(a)
        .containsKeys(
            "crm/accounts.csv", "erp/erp.sql", "chat/messages-2025-06.jsonl", "manifest.json");
    for (String file : a.keySet()) {
      assertThat(b.get(file)).as(file).isEqualTo(a.get(file));
    }
  }

  @Test
  void differentSeedGivesDifferentFiles() throws IOException {
    generate(temp.resolve("a"), 1);
    generate(temp.resolve("b"), 2);
    Map<String, byte[]> a = contents(temp.resolve("a"));
    Map<String, byte[]> b = contents(temp.resolve("b"));
    for (String file :
        List.of(
            "crm/leads.csv",
            "crm/activities.csv",
            "erp/orders.csv",
            "chat/messages-2025-03.jsonl")) {
      assertThat(b.get(file)).as(file).isNotEqualTo(a.get(file));
    }
  }

  @Test
  void resultListsEveryFileWithItsRowsAndBytesAndProgressSeesEveryStep() throws IOException {
    Path out = temp.resolve("out");
    List<String> events = new ArrayList<>();
    GenerationProgress progress =
        new GenerationProgress() {
          @Override
          public void stepStarted(String step) {
            events.add("start " + step);
          }

          @Override
          public void stepFinished(String step, long rows, Duration elapsed) {
            events.add("end " + step);
          }
        };
    GenerationResult result =
        new SalesOrganisationGenerator(new GeneratorConfig(SCALE, 3, 2024, out, false))
            .generate(progress);
    List<String> steps =
        List.of(
            "simulation",
            "organisation",
            "leads",
            "opportunities",
            "accounts",
            "activities",
            "forecasts",
            "changes",
            "erp",
            "chat",
            "manifest");
    List<String> expected = new ArrayList<>();
    steps.forEach(step -> expected.addAll(List.of("start " + step, "end " + step)));
    assertThat(events).isEqualTo(expected);

    Map<String, byte[]> onDisk = contents(out);
    assertThat(result.files())
        .extracting(GeneratedFile::relativePath)
        .containsExactlyInAnyOrderElementsOf(onDisk.keySet());
    assertThat(onDisk).doesNotContainKey("erp/erp.sql");
    long bytes = 0;
    for (GeneratedFile file : result.files()) {
      byte[] content = onDisk.get(file.relativePath());
      assertThat(file.bytes()).as(file.relativePath()).isEqualTo(content.length);
      bytes += content.length;
      if (file.relativePath().endsWith(".jsonl")) {
        long lines = new String(content, StandardCharsets.UTF_8).lines().count();
        assertThat(file.rows()).as(file.relativePath()).isEqualTo(lines);
      }
    }
    assertThat(result.totalBytes()).isEqualTo(bytes);
    assertThat(result.totalRows())
        .isEqualTo(result.files().stream().mapToLong(GeneratedFile::rows).sum());
    assertThat(onDisk).containsKey("crm/changes/changes-2024-12.jsonl");
  }

  @Test
  void regeneratingIntoAnEarlierRunsDirectoryReplacesItsFiles() throws IOException {
    Path out = temp.resolve("again");
    generate(out, 5);
    Map<String, byte[]> first = contents(out);
    new SalesOrganisationGenerator(new GeneratorConfig(SCALE, 5, 2025, out, false))
        .generate(GenerationProgress.silent());
    Map<String, byte[]> second = contents(out);
    assertThat(first).containsKey("erp/erp.sql");
    assertThat(second).doesNotContainKey("erp/erp.sql");
    assertThat(second.keySet()).isSubsetOf(first.keySet());
  }

  @Test
  void refusesADirectoryHoldingOtherFiles() throws IOException {
    Path out = temp.resolve("foreign");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    GeneratorConfig config = new GeneratorConfig(SCALE, 5, 2025, out, false);
    assertThatThrownBy(
            () -> new SalesOrganisationGenerator(config).generate(GenerationProgress.silent()))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "Output directory "
                + out
                + " is not empty and is not the output of an earlier generator run (it holds ["
                + out.resolve("notes.txt")
                + "]). Choose an empty or new directory, or remove its contents.");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
  }

  @Test
  void tinyScalesStillHaveAWorkingOrganisation() throws IOException {
    Path out = temp.resolve("tiny");
    new SalesOrganisationGenerator(new GeneratorConfig(0.01, 9, 2025, out, false))
        .generate(GenerationProgress.silent());
    assertThat(Files.readAllLines(out.resolve("crm/regions.csv"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Files.readAllLines(out.resolve("crm/teams.csv"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Files.readAllLines(out.resolve("crm/reps.csv"))).hasSizeGreaterThanOrEqualTo(9);
  }

  private static void generate(Path out, long seed) {
    new SalesOrganisationGenerator(new GeneratorConfig(SCALE, seed, 2025, out, true))
        .generate(GenerationProgress.silent());
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
