package io.salesdw.transforms;

import java.util.List;

/** The process-DNA marts: per-rep behaviour, silent customers, new-hire ramp, champion actions. */
final class ProcessDnaMarts {
  private ProcessDnaMarts() {}

  static List<GoldTable> tables() {
    return List.of();
  }
}
