package io.salesdw.reports.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tools the pack's tests drive (headless chromium, pdftoppm), installed when absent by the
 * project's {@code scripts/chromium}: the tests fail, never skip, when they cannot be had.
 */
final class ReportTools {
  static final String SCRIPT = "scripts/chromium";

  private ReportTools() {}

  /** Runs {@code scripts/chromium} (idempotent), found by walking up from the working directory. */
  static void install() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(SCRIPT);
      if (Files.isExecutable(script)) {
        Result result = run(List.of(script.toString()), 900);
        if (result.exitCode() != 0) {
          throw new IllegalStateException(SCRIPT + " failed:\n" + result.output());
        }
        return;
      }
    }
    throw new IllegalStateException("no " + SCRIPT + " above " + Path.of("").toAbsolutePath());
  }

  /** The output (stdout and stderr together) and exit code of a finished process. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("salesdw-tool", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command.get(0) + " did not finish in " + timeoutSeconds + " s");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a page in headless chromium and writes its screenshot; returns chromium's log. */
  static String screenshot(Path html, Path png) throws IOException {
    Path profile = Files.createTempDirectory("salesdw-chromium");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--window-size=1100,1600",
            "--screenshot=" + png,
            "--enable-logging=stderr",
            "--v=1",
            html.toUri().toString()));
    Result result = run(command, 180);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("chromium failed:\n" + result.output());
    }
    return result.output();
  }
}
