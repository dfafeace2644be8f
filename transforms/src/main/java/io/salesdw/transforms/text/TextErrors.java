package io.salesdw.transforms.text;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.util.List;

/** The user-facing errors of the text signals: every message names the lexicon and the fix. */
final class TextErrors {
  private TextErrors() {}

  static SalesdwException invalidLexicon(String origin, List<String> issues) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        String.format(
            "%s has %d invalid lexicon line(s); each line is 'KIND<TAB>label<TAB>regex' with KIND"
                + " one of %s and the regex in lower-case, half-width text:%n  - %s",
            origin,
            issues.size(),
            List.of(SalesSignal.values()),
            String.join(System.lineSeparator() + "  - ", issues)));
  }

  static SalesdwException missingResource(String resource) {
    return new SalesdwException(
        ErrorKind.INTERNAL,
        "the text-signal resource " + resource + " is missing from the classpath: a broken build.");
  }

  static SalesdwException unreadableResource(String resource, IOException cause) {
    return new SalesdwException(
        ErrorKind.INTERNAL,
        "the text-signal resource " + resource + " could not be read from the classpath: " + cause,
        cause);
  }
}
