package io.salesdw.semantic.model;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The user-facing errors of reading a semantic model: each names the file and how to fix it. */
final class SemanticModelErrors {
  private SemanticModelErrors() {}

  static SalesdwException invalidModel(String origin, List<ModelIssue> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "The semantic model in %s has %d issue%s:%n%s",
            origin,
            issues.size(),
            issues.size() == 1 ? "" : "s",
            issues.stream().map(issue -> "  " + issue).collect(Collectors.joining("\n"))));
  }

  static SalesdwException modelDirectoryMissing(Path directory) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The model directory " + directory + " does not exist or is not a directory.");
  }

  static SalesdwException modelDirectoryEmpty(Path directory) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The model directory "
            + directory
            + " holds no .yaml file; put the semantic models and metrics there.");
  }

  static SalesdwException modelUnreadable(Path directory, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Could not read the model files in " + directory + ": " + cause.getMessage(),
        cause);
  }
}
