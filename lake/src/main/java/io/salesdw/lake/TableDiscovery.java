package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the Delta tables under a lake root: the directories with a {@code _delta_log} that holds at
 * least one commit or checkpoint. It does not look inside a table, nor inside hidden ({@code .}) or
 * underscore ({@code _}) directories, which by Spark's and Delta's convention hold metadata,
 * staging or temporary data.
 */
final class TableDiscovery {
  static final String LOG_DIRECTORY = "_delta_log";

  // A version's commit (00000000000000000003.json) or checkpoint (…003.checkpoint.parquet,
  // multi-part and v2 forms). A _delta_log with neither is a table whose creation never committed.
  private static final Pattern LOG_ENTRY = Pattern.compile("\\d{20}\\.(json|checkpoint\\..+)");

  private final FileSystem fileSystem;
  private final Path root;

  TableDiscovery(FileSystem fileSystem, Path root) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    this.root = requireNonNull(root, "root is null");
  }

  /** The tables under the root, ordered by name. */
  List<TableLocation> find() {
    List<TableLocation> tables = new ArrayList<>();
    // Depth-first and iterative, so that a deep tree cannot overflow the stack. Each directory is
    // listed once: its listing shows both whether it is a table and which directories lie below.
    Deque<TableLocation> pending = new ArrayDeque<>();
    pending.push(new TableLocation("", root));
    while (!pending.isEmpty()) {
      TableLocation directory = pending.pop();
      FileStatus[] children = listIfPresent(directory.directory()).orElse(new FileStatus[0]);
      if (!directory.name().isEmpty() && hasCommits(children)) {
        tables.add(directory);
        continue;
      }
      for (FileStatus child : children) {
        String childName = child.getPath().getName();
        if (child.isDirectory() && !childName.startsWith(".") && !childName.startsWith("_")) {
          String name = directory.name().isEmpty() ? childName : directory.name() + "/" + childName;
          pending.push(new TableLocation(name, child.getPath()));
        }
      }
    }
    tables.sort(Comparator.comparing(TableLocation::name));
    return List.copyOf(tables);
  }

  /**
   * The highest version a table's log names (a commit or a checkpoint), from a listing of the log
   * alone; empty when the directory is not a table with a commit.
   */
  OptionalLong latestVersion(Path tableDirectory) {
    return listIfPresent(new Path(tableDirectory, LOG_DIRECTORY)).stream()
        .flatMap(Arrays::stream)
        .filter(FileStatus::isFile)
        .map(entry -> entry.getPath().getName())
        .filter(name -> LOG_ENTRY.matcher(name).matches())
        .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
        .max();
  }

  /** Whether the directory is a Delta table with at least one commit. */
  boolean isTable(Path directory) {
    return listIfPresent(directory).map(this::hasCommits).orElse(false);
  }

  private boolean hasCommits(FileStatus[] directoryListing) {
    return Arrays.stream(directoryListing)
        .filter(child -> child.isDirectory() && child.getPath().getName().equals(LOG_DIRECTORY))
        .flatMap(log -> listIfPresent(log.getPath()).stream())
        .flatMap(Arrays::stream)
        .anyMatch(
            entry -> entry.isFile() && LOG_ENTRY.matcher(entry.getPath().getName()).matches());
  }

  // Empty when the path is missing: a directory deleted while the lake is walked (a finished
  // job's staging area) is no table, and not an error. (Hadoop lists a file as itself.)
  private Optional<FileStatus[]> listIfPresent(Path directory) {
    try {
      return Optional.of(fileSystem.listStatus(directory));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw LakeErrors.listingFailed(directory.toString(), e);
    }
  }
}
