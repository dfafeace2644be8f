package io.salesdw.generator.output;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collects the files written and the defects injected, from any thread, and hands them back in a
 * fixed order (by path, then kind and column) so the manifest does not depend on scheduling.
 */
public final class OutputLedger {
  private final Path root;
  private final List<WrittenFile> files = new ArrayList<>();
  private final List<InjectedDefect> defects = new ArrayList<>();

  public OutputLedger(Path root) {
    this.root = requireNonNull(root, "root is null");
  }

  /** The output directory. */
  public Path root() {
    return root;
  }

  /** The absolute path of a file under the output directory. */
  public Path resolve(String relativePath) {
    return root.resolve(relativePath);
  }

  /** Records a finished file; its size is read from disk. */
  public WrittenFile fileWritten(String relativePath, String encoding, long rows) {
    long bytes;
    try {
      bytes = Files.size(resolve(relativePath));
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(resolve(relativePath), e);
    }
    WrittenFile file = new WrittenFile(relativePath, encoding, rows, bytes);
    synchronized (files) {
      files.add(file);
    }
    return file;
  }

  /** Records a defect count (zero counts are recorded too, so the manifest lists every kind). */
  public void defect(String file, DefectKind kind, String column, long count, long outOf) {
    InjectedDefect defect =
        new InjectedDefect(file, kind, Optional.ofNullable(column), count, outOf);
    synchronized (defects) {
      defects.add(defect);
    }
  }

  /** The files written, by path. */
  public List<WrittenFile> files() {
    synchronized (files) {
      return files.stream().sorted(Comparator.comparing(WrittenFile::relativePath)).toList();
    }
  }

  /** The defects injected, by file, kind and column. */
  public List<InjectedDefect> defects() {
    synchronized (defects) {
      return defects.stream()
          .sorted(
              Comparator.comparing(InjectedDefect::file)
                  .thenComparing(InjectedDefect::kind)
                  .thenComparing(d -> d.column().orElse("")))
          .toList();
    }
  }
}
