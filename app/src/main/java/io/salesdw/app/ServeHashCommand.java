package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.serve.PasswordHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Makes the hashes the server's configuration stores: a password read without echo (or from
 * standard input), or a new random token. The secret is never written anywhere but, for a new
 * token, once to standard output.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "hash-password",
    description = {
      "Print the salted hash of a password (typed twice without echo, or one line on standard"
          + " input) for a user's password-hash in the serve configuration.",
      "With --token: make a new random access token, print it once, and its token-hash."
    })
final class ServeHashCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(names = "--token", description = "Make a new access token instead of hashing a password.")
  boolean token;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    if (token) {
      String secret = PasswordHash.newToken();
      console.result("token: " + secret);
      console.result("token-hash: " + PasswordHash.ofToken(secret).encoded());
      console.progress(
          "Give the token to its user now: it is not stored and cannot be shown again.");
      return ExitCode.OK;
    }
    char[] password = readPassword();
    try {
      if (password.length == 0) {
        throw new SalesdwException(ErrorKind.USER_ERROR, "the password is empty");
      }
      console.result("password-hash: " + PasswordHash.ofPassword(new String(password)).encoded());
    } finally {
      Arrays.fill(password, '\0');
    }
    return ExitCode.OK;
  }

  private static char[] readPassword() {
    java.io.Console terminal = System.console();
    if (terminal != null) {
      char[] first = terminal.readPassword("Password: ");
      char[] second = terminal.readPassword("Password again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR, "the two passwords differ; nothing hashed");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR, "no password on standard input; type it, or pipe one line");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
