package io.salesdw.orchestration;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;

/** The user- and system-facing errors of the orchestration module. */
final class OrchestrationErrors {
  private OrchestrationErrors() {}

  static SalesdwException unreadableState(Path file, Exception cause) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The run state "
            + file
            + " cannot be read ("
            + cause.getMessage()
            + "). Move it aside to run the month from scratch: every step is idempotent.",
        cause);
  }

  static SalesdwException unwritableState(Path file, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Cannot write the run state " + file + ": " + cause.getMessage(),
        cause);
  }

  static SalesdwException nonLocalLake(String lake) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "The local runner records its state under <lake>/_runs and needs a lake on a local file"
            + " system; '"
            + lake
            + "' is not one. Run production lakes through the Airflow DAG.");
  }

  static SalesdwException backwardRange(YearMonth from, YearMonth to) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "--from " + from + " is after --to " + to + ": give the earlier month first.");
  }

  static SalesdwException unknownTask(String task, Iterable<String> known) {
    return new SalesdwException(
        ErrorKind.USER_ERROR, "There is no task '" + task + "' in the pipeline; tasks: " + known);
  }
}
