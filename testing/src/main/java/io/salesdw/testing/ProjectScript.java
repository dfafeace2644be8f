package io.salesdw.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of the project's own scripts ({@code scripts/postgres}, {@code scripts/trino}) that installs,
 * starts and stops a server for tests: found from the working directory, run to the end with a time
 * limit, its output returned, and a failure reported with that output.
 */
final class ProjectScript {
  private final Path path;
  private final long timeoutMinutes;

  private ProjectScript(Path path, long timeoutMinutes) {
    this.path = path;
    this.timeoutMinutes = timeoutMinutes;
  }

  /** The script at {@code relativePath} of the repository that holds the working directory. */
  static ProjectScript find(String relativePath, long timeoutMinutes) {
    return new ProjectScript(
        repositoryRoot(Path.of("").toAbsolutePath(), relativePath).resolve(relativePath),
        timeoutMinutes);
  }

  /** The directory above {@code start} (or one of its parents) that holds {@code script}. */
  static Path repositoryRoot(Path start, String script) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve(script))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no " + script + " in " + start + " or any parent; run the tests inside the repository");
  }

  /** A new directory name for the script's {@code start}, which creates the directory itself. */
  static Path freshDirectory(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      Files.delete(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for " + prefix, e);
    }
  }

  /** Runs {@code script action directory} and reads its {@code key=value} lines. */
  Properties start(Path directory) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(run(List.of("start", directory.toString()), Map.of())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** Runs {@code script stop directory} and removes what is left of the directory. */
  void stop(Path directory) {
    run(List.of("stop", directory.toString()), Map.of());
    if (Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        walk.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs the script with {@code arguments}; its standard output and error together. */
  String run(List<String> arguments, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    command.addAll(arguments);
    return ProjectScript.command(command, environment, timeoutMinutes);
  }

  /** Runs any command to the end; its standard output and error together. */
  static String command(List<String> command, Map<String, String> environment, long minutes) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish in " + minutes + " min");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }

  /** A property the script must have printed. */
  static String property(Properties properties, String key, String script) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          script + " start printed no '" + key + "=' line; its output was: " + properties);
    }
    return value.strip();
  }
}
