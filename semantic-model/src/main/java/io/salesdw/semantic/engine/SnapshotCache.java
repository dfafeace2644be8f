package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import io.salesdw.lake.DeltaSnapshotFiles;
import io.salesdw.lake.Lake;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots of the lake's tables read so far, kept while they are current. Reading a snapshot
 * with Kernel costs tens of milliseconds; telling whether it is still current costs a listing of
 * the table's log, so a query over unchanged tables plans without reading any log.
 */
final class SnapshotCache {
  private final Lake lake;
  private final Map<String, DeltaSnapshotFiles> snapshots = new ConcurrentHashMap<>();

  SnapshotCache(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** The table's current snapshot: the cached one if no commit came since, else read afresh. */
  DeltaSnapshotFiles current(String tableName) {
    DeltaSnapshotFiles cached = snapshots.get(tableName);
    if (cached != null && cached.version() == lake.latestVersion(tableName)) {
      return cached;
    }
    DeltaSnapshotFiles snapshot = lake.snapshotFiles(tableName);
    snapshots.put(tableName, snapshot);
    return snapshot;
  }

  /** Whether every snapshot is still its table's current one. */
  boolean allCurrent(Iterable<DeltaSnapshotFiles> read) {
    for (DeltaSnapshotFiles snapshot : read) {
      if (lake.latestVersion(snapshot.tableName()) != snapshot.version()) {
        return false;
      }
    }
    return true;
  }
}
