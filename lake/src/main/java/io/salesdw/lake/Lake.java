package io.salesdw.lake;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.salesdw.contracts.SalesdwException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lake: a directory tree of Delta tables on any Hadoop file system, read through Delta Kernel (no
 * Spark). It lists the tables with their sizes and row counts, and resolves the data files of a
 * table's current snapshot for engines that read Parquet directly.
 *
 * <p>A {@code Lake} is immutable and may be shared between threads; every call reads the file
 * system afresh, so it sees tables and commits made since it was opened.
 */
public final class Lake {
  private static final Logger LOG = LoggerFactory.getLogger(Lake.class);

  // "s3a://…", "file:/…", "hdfs://…": a scheme of two or more characters, so that a Windows drive
  // letter ("C:\lake") is taken for a path.
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private final Path root;
  private final TableDiscovery discovery;
  private final DeltaTableReader reader;

  private Lake(Path root, FileSystem fileSystem, Configuration configuration) {
    this.root = root;
    this.discovery = new TableDiscovery(fileSystem, root);
    this.reader = new DeltaTableReader(DefaultEngine.create(configuration));
  }

  /**
   * Opens the lake at a local path or a Hadoop file system URI, with Hadoop's default
   * configuration.
   *
   * @throws SalesdwException if the root is malformed, missing, a file, or itself a Delta table
   */
  public static Lake open(String root) {
    return open(root, new Configuration());
  }

  /**
   * Opens the lake at a local path or a Hadoop file system URI ({@code s3a://bucket/lake}), with
   * the given Hadoop configuration (credentials, endpoints); the configuration is copied.
   *
   * @throws SalesdwException if the root is malformed, missing, a file, or itself a Delta table
   */
  public static Lake open(String root, Configuration configuration) {
    requireNonNull(root, "root is null");
    requireNonNull(configuration, "configuration is null");
    Configuration copy = new Configuration(configuration);
    URI uri = parseRoot(root);
    FileSystem fileSystem;
    try {
      fileSystem = FileSystem.get(uri, copy);
    } catch (IOException | IllegalArgumentException e) {
      throw LakeErrors.invalidRoot(root, e);
    }
    // From the decoded parts, not the URI string: Hadoop would encode a %20 again, and this also
    // drops a trailing slash.
    Path qualified =
        fileSystem.makeQualified(
            new Path(
                uri.getScheme(),
                uri.getAuthority(),
                uri.getPath().isEmpty() ? "/" : uri.getPath()));
    FileStatus status;
    try {
      status = fileSystem.getFileStatus(qualified);
    } catch (FileNotFoundException e) {
      throw LakeErrors.rootNotFound(root);
    } catch (IOException e) {
      throw LakeErrors.listingFailed(qualified.toString(), e);
    }
    if (!status.isDirectory()) {
      throw LakeErrors.rootNotDirectory(root);
    }
    Lake lake = new Lake(qualified, fileSystem, copy);
    if (lake.discovery.isTable(qualified)) {
      throw LakeErrors.rootIsTable(root);
    }
    return lake;
  }

  /** The lake's root directory as an absolute URI. */
  public URI root() {
    return Uris.of(root);
  }

  /**
   * Every Delta table under the root, ordered by name, each as of its latest version. Reads each
   * table's log, and the data of tables whose files lack row-count statistics.
   *
   * @throws SalesdwException if the root cannot be listed or a table cannot be read
   */
  public List<DeltaTableInfo> tables() {
    long start = System.nanoTime();
    List<DeltaTableInfo> tables = new ArrayList<>();
    for (TableLocation table : discovery.find()) {
      tables.add(reader.describe(table));
    }
    LOG.debug(
        "Read {} Delta tables under {} in {} ms",
        tables.size(),
        root(),
        (System.nanoTime() - start) / 1_000_000);
    return List.copyOf(tables);
  }

  /**
   * The names of the Delta tables under the root, ordered, such as {@code gold/fact_order}: a
   * listing of directories only, much cheaper than {@link #tables()}, which reads every table.
   *
   * @throws SalesdwException if the root cannot be listed
   */
  public List<String> tableNames() {
    return discovery.find().stream().map(TableLocation::name).toList();
  }

  /**
   * Whether the lake has a Delta table of this name, such as {@code gold/fact_order}: a look at its
   * directory only. A name that could not be a table's ({@code ../x}) has none.
   *
   * @throws SalesdwException if the file system cannot be listed
   */
  public boolean hasTable(String tableName) {
    requireNonNull(tableName, "tableName is null");
    return isValidTableName(tableName) && discovery.isTable(directory(tableName));
  }

  /**
   * The latest version of a table, from a listing of its {@code _delta_log} alone (no log file is
   * read): a cheap way to tell whether a snapshot read earlier is still current.
   *
   * @throws SalesdwException if there is no such table or its log cannot be listed
   */
  public long latestVersion(String tableName) {
    requireNonNull(tableName, "tableName is null");
    OptionalLong version =
        isValidTableName(tableName)
            ? discovery.latestVersion(directory(tableName))
            : OptionalLong.empty();
    if (version.isEmpty()) {
      throw LakeErrors.tableNotFound(
          tableName,
          root().toString(),
          discovery.find().stream().map(TableLocation::name).toList());
    }
    return version.getAsLong();
  }

  /**
   * The data files of a table's current snapshot, such as {@code snapshotFiles("gold/fct_orders")}.
   * Check {@link DeltaSnapshotFiles#readableAsPlainParquet()} before reading them as plain Parquet.
   *
   * @param tableName the table's directory relative to the root, with {@code /} separators
   * @throws SalesdwException if there is no such table or it cannot be read
   */
  public DeltaSnapshotFiles snapshotFiles(String tableName) {
    return reader.snapshotFiles(locate(tableName));
  }

  /** Counts a table's rows by reading its data, ignoring statistics: for cross-checks in tests. */
  long countByScan(String tableName) {
    return reader.countByScan(locate(tableName));
  }

  private TableLocation locate(String tableName) {
    requireNonNull(tableName, "tableName is null");
    if (!isValidTableName(tableName)) {
      throw LakeErrors.invalidTableName(tableName);
    }
    Path directory = directory(tableName);
    if (!discovery.isTable(directory)) {
      throw LakeErrors.tableNotFound(
          tableName,
          root().toString(),
          discovery.find().stream().map(TableLocation::name).toList());
    }
    return new TableLocation(tableName, directory);
  }

  private static boolean isValidTableName(String tableName) {
    for (String segment : tableName.split("/", -1)) {
      // Also rules out "." and "..", which could point outside the lake.
      if (segment.isEmpty() || segment.startsWith(".") || segment.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  private Path directory(String tableName) {
    // Path(scheme, authority, path): a plain relative path, so that a ':' in a segment is not
    // taken for a URI scheme.
    return new Path(root, new Path(null, null, tableName));
  }

  private static URI parseRoot(String root) {
    if (root.isBlank()) {
      throw LakeErrors.invalidRoot(root, new IllegalArgumentException("the root is blank"));
    }
    try {
      if (URI_SCHEME.matcher(root).find()) {
        URI uri = new URI(root);
        if (uri.isOpaque()) {
          throw LakeErrors.invalidRoot(
              root, new IllegalArgumentException("the URI has no absolute path"));
        }
        return uri;
      }
      return java.nio.file.Path.of(root).toAbsolutePath().normalize().toUri();
    } catch (URISyntaxException | InvalidPathException e) {
      throw LakeErrors.invalidRoot(root, e);
    }
  }
}
