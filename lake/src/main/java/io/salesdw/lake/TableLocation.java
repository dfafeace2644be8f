package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table found under the lake root: its name (the relative path) and its directory.
 *
 * @param name the directory relative to the lake root, with {@code /} separators
 * @param directory the directory, qualified with the file system's scheme and authority
 */
record TableLocation(String name, Path directory) {
  TableLocation {
    requireNonNull(name, "name is null");
    requireNonNull(directory, "directory is null");
  }

  /** The directory as an absolute, percent-encoded URI. */
  URI uri() {
    return Uris.of(directory);
  }
}
