package io.salesdw.orchestration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline as a validated DAG: unique task ids, dependencies on known tasks only, no cycle. Its
 * order is topological and, among tasks that could go in either order, the order in which they were
 * declared, so a run is the same sequence every time.
 */
public final class PipelineDag {
  private final Map<String, PipelineTask> tasks;
  private final List<PipelineTask> order;

  private PipelineDag(Map<String, PipelineTask> tasks, List<PipelineTask> order) {
    this.tasks = tasks;
    this.order = order;
  }

  /**
   * Checks the tasks whole and builds the DAG.
   *
   * @throws IllegalArgumentException listing every duplicate id, unknown dependency and cycle
   */
  public static PipelineDag of(List<PipelineTask> declared) {
    List<String> problems = new ArrayList<>();
    Map<String, PipelineTask> tasks = new LinkedHashMap<>();
    for (PipelineTask task : declared) {
      if (tasks.putIfAbsent(task.id(), task) != null) {
        problems.add("task id '" + task.id() + "' is declared twice");
      }
    }
    for (PipelineTask task : tasks.values()) {
      for (String dependency : task.dependsOn()) {
        if (!tasks.containsKey(dependency)) {
          problems.add("task '" + task.id() + "' depends on unknown task '" + dependency + "'");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid pipeline DAG: " + String.join("; ", problems));
    }
    List<PipelineTask> order = topologicalOrder(tasks);
    if (order.size() < tasks.size()) {
      Set<String> inCycle = new LinkedHashSet<>(tasks.keySet());
      order.forEach(task -> inCycle.remove(task.id()));
      throw new IllegalArgumentException(
          "invalid pipeline DAG: a dependency cycle among tasks " + inCycle);
    }
    return new PipelineDag(Collections.unmodifiableMap(tasks), List.copyOf(order));
  }

  // Kahn's algorithm, picking the earliest-declared ready task each time. A dozen tasks do not
  // justify a graph library on the classpath.
  private static List<PipelineTask> topologicalOrder(Map<String, PipelineTask> tasks) {
    Map<String, Integer> waitingOn = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (PipelineTask task : tasks.values()) {
      waitingOn.put(task.id(), task.dependsOn().size());
      for (String dependency : task.dependsOn()) {
        dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(task.id());
      }
    }
    List<String> declared = new ArrayList<>(tasks.keySet());
    List<PipelineTask> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    boolean progressed = true;
    while (progressed) {
      progressed = false;
      for (String id : declared) {
        if (!done.contains(id) && waitingOn.get(id) == 0) {
          done.add(id);
          order.add(tasks.get(id));
          for (String dependent : dependents.getOrDefault(id, List.of())) {
            waitingOn.merge(dependent, -1, Integer::sum);
          }
          progressed = true;
          break;
        }
      }
    }
    return order;
  }

  /** The tasks in run order. */
  public List<PipelineTask> order() {
    return order;
  }

  /** The task with this id, if the DAG has one. */
  public Optional<PipelineTask> task(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  /** Every task {@code id} waits for, directly or not, in run order. */
  public List<PipelineTask> upstreamOf(String id) {
    Set<String> upstream = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(require(id).dependsOn());
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (upstream.add(next)) {
        pending.addAll(tasks.get(next).dependsOn());
      }
    }
    return order.stream().filter(task -> upstream.contains(task.id())).toList();
  }

  private PipelineTask require(String id) {
    PipelineTask task = tasks.get(id);
    if (task == null) {
      throw new IllegalArgumentException(
          "no task '" + id + "' in the DAG; tasks: " + tasks.keySet());
    }
    return task;
  }
}
