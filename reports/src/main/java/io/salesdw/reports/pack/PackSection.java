package io.salesdw.reports.pack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A section of the pack: one page of the PDF (the process DNA has one section per rep). */
public record PackSection(String id, String title, List<PackBlock> blocks) {
  public PackSection {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    blocks = List.copyOf(blocks);
  }
}
