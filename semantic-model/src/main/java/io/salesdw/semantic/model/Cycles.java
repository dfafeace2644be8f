package io.salesdw.semantic.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the cycles of a directed graph, one per strongly connected component (Tarjan's algorithm):
 * enough to report each tangle once, with a path the user can follow.
 */
final class Cycles {
  private final List<String> nodes;
  private final Function<String, List<String>> successors;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> lowLink = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private final List<Set<String>> components = new ArrayList<>();

  private Cycles(List<String> nodes, Function<String, List<String>> successors) {
    this.nodes = nodes;
    this.successors = successors;
  }

  /**
   * One cycle per strongly connected component that has one, in the order of {@code nodes}: each
   * starts at the component's first node in that order, follows a shortest path back to it, and
   * ends with it again ({@code a, b, a}).
   *
   * @param successors the nodes a node has an edge to; nodes not in {@code nodes} are ignored
   */
  static List<List<String>> find(List<String> nodes, Function<String, List<String>> successors) {
    Cycles cycles = new Cycles(nodes, successors);
    for (String node : nodes) {
      if (!cycles.index.containsKey(node)) {
        cycles.connect(node);
      }
    }
    List<List<String>> found = new ArrayList<>();
    for (String node : nodes) {
      for (Set<String> component : cycles.components) {
        if (component.contains(node)
            && (component.size() > 1 || cycles.next(node).contains(node))) {
          found.add(cycles.shortestCycle(node, component));
          component.clear(); // reported; its other nodes must not start another cycle
        }
      }
    }
    return found;
  }

  private List<String> next(String node) {
    return successors.apply(node).stream().filter(index::containsKey).toList();
  }

  private void connect(String node) {
    index.put(node, index.size());
    lowLink.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String successor : successors.apply(node)) {
      if (!nodes.contains(successor)) {
        continue;
      }
      if (!index.containsKey(successor)) {
        connect(successor);
        lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(successor)));
      } else if (onStack.contains(successor)) {
        lowLink.put(node, Math.min(lowLink.get(node), index.get(successor)));
      }
    }
    if (lowLink.get(node).equals(index.get(node))) {
      Set<String> component = new HashSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }

  private List<String> shortestCycle(String start, Set<String> component) {
    Map<String, String> parent = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      for (String successor : next(node)) {
        if (successor.equals(start)) {
          List<String> path = new ArrayList<>();
          path.add(start);
          for (String at = node; !at.equals(start); at = parent.get(at)) {
            path.add(at);
          }
          path.add(start);
          Collections.reverse(path);
          return path;
        }
        if (component.contains(successor) && !parent.containsKey(successor)) {
          parent.put(successor, node);
          queue.add(successor);
        }
      }
    }
    throw new IllegalStateException("no cycle through " + start + " in " + component);
  }
}
