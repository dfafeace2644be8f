package io.salesdw.contracts;

import java.util.List;

/** The user-facing errors of the contracts module: every message names the file and how to fix. */
final class ContractErrors {
  private ContractErrors() {}

  static SalesdwException unknownYamlKey(
      String origin, int line, String path, String key, String knownKeys) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%s line %d: unknown key '%s' at %s; the keys allowed there are: %s. Fix the spelling"
                + " or remove the key.",
            origin, line, key, path, knownKeys));
  }

  static SalesdwException invalidYamlValue(
      String origin, int line, String path, String problem, Throwable cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%s line %d: the value at %s has the wrong shape (%s). Compare it with the documented"
                + " format.",
            origin, line, path, problem),
        cause);
  }

  static SalesdwException invalidYamlSyntax(
      String origin, int line, String problem, Throwable cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format("%s line %d: not valid YAML (%s).", origin, line, problem),
        cause);
  }

  static SalesdwException emptyYaml(String origin) {
    return new SalesdwException(
        ErrorKind.USER_ERROR, origin + " is empty: it must hold a YAML document.");
  }

  static SalesdwException invalidContracts(String origin, List<String> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%s has %d invalid contract declaration(s):%n  - %s",
            origin, issues.size(), String.join(System.lineSeparator() + "  - ", issues)));
  }

  static SalesdwException missingResource(String resource) {
    return new SalesdwException(
        ErrorKind.INTERNAL,
        "the contracts resource " + resource + " is missing from the classpath: a broken build.");
  }

  static SalesdwException noSuchContract(SourceSystem source, String entity, List<String> known) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "no contract for %s entity '%s'; the %s entities are: %s",
            source.code(), entity, source.code(), String.join(", ", known)));
  }
}
