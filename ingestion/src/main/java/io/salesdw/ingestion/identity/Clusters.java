package io.salesdw.ingestion.identity;

import java.util.List;
import java.util.Optional;

/**
 * Union-find over record indexes (path halving, union by size) that refuses to merge two clusters
 * holding different credit codes: a credit code names one legal entity, so such a merge could only
 * come from a wrong weaker match.
 */
final class Clusters {
  private final int[] parent;
  private final int[] size;
  private final String[] creditCodeOfRoot;
  private final List<Optional<String>> creditCodes;

  Clusters(List<Optional<String>> creditCodes) {
    this.creditCodes = List.copyOf(creditCodes);
    int n = creditCodes.size();
    parent = new int[n];
    size = new int[n];
    creditCodeOfRoot = new String[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
      creditCodeOfRoot[i] = creditCodes.get(i).orElse(null);
    }
  }

  Optional<String> creditCode(int record) {
    return creditCodes.get(record);
  }

  int find(int record) {
    int x = record;
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Merges the two records' clusters; false when already one, or when credit codes conflict. */
  boolean union(int a, int b) {
    int rootA = find(a);
    int rootB = find(b);
    if (rootA == rootB) {
      return false;
    }
    String codeA = creditCodeOfRoot[rootA];
    String codeB = creditCodeOfRoot[rootB];
    if (codeA != null && codeB != null && !codeA.equals(codeB)) {
      return false;
    }
    if (size[rootA] < size[rootB]) {
      int swap = rootA;
      rootA = rootB;
      rootB = swap;
    }
    parent[rootB] = rootA;
    size[rootA] += size[rootB];
    creditCodeOfRoot[rootA] = codeA != null ? codeA : codeB;
    return true;
  }
}
