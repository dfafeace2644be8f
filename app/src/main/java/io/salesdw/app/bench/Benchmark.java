package io.salesdw.app.bench;

import java.util.List;

/**
 * One thing to time. The harness times each run as a whole; a benchmark may add its own figures
 * (rows per second, bytes written) from the run it just did.
 */
public interface Benchmark {
  /** The benchmark's name, e.g. {@code generate}. */
  String name();

  /** Does the work once and returns any figures besides the elapsed time. */
  List<Measurement> runOnce() throws Exception;
}
