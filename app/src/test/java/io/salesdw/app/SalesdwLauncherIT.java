package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code ./salesdw} launcher against the jar that {@code package} built. */
class SalesdwLauncherIT {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  private record Process(int exitCode, String out, String err) {}

  private static Process launch(Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(REPOSITORY.resolve("salesdw").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    java.lang.Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Process(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runsTheBuiltCliWithItsExitCodes(@TempDir Path dir) throws Exception {
    assertThat(REPOSITORY.resolve("app/target/salesdw.jar")).exists();

    Process version = launch(dir, "--version");
    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("salesdw ");

    Files.createDirectories(dir.resolve("lake"));
    Process empty = launch(dir, "lake", "ls", "--lake", dir.resolve("lake").toString());
    assertThat(empty.exitCode()).as(empty.err()).isZero();
    assertThat(empty.out()).contains("No Delta tables under");
    assertThat(empty.err()).doesNotContain(" INFO ");

    Process bad = launch(dir, "generate", "--scale");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void generatesSourcesInItsWorkingDirectory(@TempDir Path dir) throws Exception {
    Process generate = launch(dir, "generate", "--scale", "0.01", "--out", "org", "--json");

    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(dir.resolve("org/manifest.json")).exists();
    assertThat(generate.out()).startsWith("{");
  }
}
