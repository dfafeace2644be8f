package io.salesdw.reports.pack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** The files a written pack consists of: the self-contained HTML page and its PDF. */
public record PackFiles(Path html, Path pdf, int pdfPages) {
  public PackFiles {
    requireNonNull(html, "html is null");
    requireNonNull(pdf, "pdf is null");
  }
}
