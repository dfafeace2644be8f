package io.salesdw.generator.output;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.file.Path;

/** The generator's errors about its output directory and files. */
public final class OutputErrors {
  private OutputErrors() {}

  /** A file or directory of the output could not be written. */
  public static SalesdwException cannotWrite(Path path, IOException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "Cannot write generator output "
            + path
            + ": "
            + cause.getMessage()
            + ". Check that the output directory is writable and the disk has space, then run"
            + " the generator again.",
        cause);
  }

  /** The output directory holds files that are not a previous generator run's. */
  public static SalesdwException directoryNotEmpty(Path directory, String example) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "Output directory "
            + directory
            + " is not empty and is not the output of an earlier generator run (it holds "
            + example
            + "). Choose an empty or new directory, or remove its contents.");
  }
}
