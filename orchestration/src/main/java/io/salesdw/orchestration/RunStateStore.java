package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run state, one JSON file per month under {@code <lake>/_runs/} ({@code 2025-06.json}).
 *
 * <p>A file and not a Delta table: this module has no Spark (and a run that is entirely up to date
 * should not start it), the state is a dozen rows written by one runner, and a file replaced with
 * an atomic rename is never seen half-written. One runner per lake at a time: two concurrent runs
 * of the same month would overwrite each other's record (the steps themselves stay idempotent).
 */
public final class RunStateStore {
  /** The folder of the run state inside a lake. */
  public static final String FOLDER = "_runs";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path directory;

  public RunStateStore(Path directory) {
    this.directory = requireNonNull(directory, "directory is null");
  }

  /** The store of the lake at {@code lake}, a local path or a {@code file:} URI. */
  public static RunStateStore inLake(String lake) {
    requireNonNull(lake, "lake is null");
    Path root;
    if (lake.startsWith("file:")) {
      root = Path.of(URI.create(lake));
    } else if (lake.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw OrchestrationErrors.nonLocalLake(lake);
    } else {
      root = Path.of(lake);
    }
    return new RunStateStore(root.resolve(FOLDER));
  }

  /** The file of {@code month}. */
  public Path file(YearMonth month) {
    return directory.resolve(month + ".json");
  }

  /** The recorded state of {@code month}; empty when nothing has run for it. */
  public MonthState load(YearMonth month) {
    Path file = file(month);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return MonthState.empty(month);
    } catch (IOException e) {
      throw OrchestrationErrors.unreadableState(file, e);
    }
    try {
      JsonNode root = MAPPER.readTree(text);
      YearMonth recorded = YearMonth.parse(root.required("month").asText());
      if (!recorded.equals(month)) {
        throw new IllegalStateException("it records month " + recorded + ", not " + month);
      }
      Map<String, TaskRunState> tasks = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : root.required("tasks").properties()) {
        tasks.put(entry.getKey(), task(entry.getKey(), entry.getValue()));
      }
      return new MonthState(month, tasks);
    } catch (IOException | RuntimeException e) {
      throw OrchestrationErrors.unreadableState(file, e);
    }
  }

  /** Replaces the file of the state's month, atomically. */
  public void save(MonthState state) {
    Path file = file(state.month());
    ObjectNode root = MAPPER.createObjectNode();
    root.put("month", state.month().toString());
    ObjectNode tasks = root.putObject("tasks");
    state.tasks().forEach((id, task) -> tasks.set(id, json(task)));
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + state.month(), ".tmp");
      try {
        Files.writeString(
            temporary, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw OrchestrationErrors.unwritableState(file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so only an unusual file system gets here; a plain replace is the best left.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static ObjectNode json(TaskRunState task) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", task.status().name());
    node.put("attempts", task.attempts());
    node.put("started_at", task.startedAt().toString());
    node.put("finished_at", task.finishedAt().toString());
    node.put("message", task.message());
    node.put("fingerprint", task.fingerprint());
    ObjectNode metrics = node.putObject("metrics");
    task.metrics().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> metrics.put(entry.getKey(), entry.getValue()));
    return node;
  }

  private static TaskRunState task(String id, JsonNode node) {
    Map<String, Long> metrics = new LinkedHashMap<>();
    node.required("metrics")
        .properties()
        .forEach(e -> metrics.put(e.getKey(), e.getValue().asLong()));
    return new TaskRunState(
        id,
        TaskStatus.valueOf(node.required("status").asText()),
        node.required("attempts").asInt(),
        Instant.parse(node.required("started_at").asText()),
        Instant.parse(node.required("finished_at").asText()),
        node.required("message").asText(),
        node.required("fingerprint").asText(),
        metrics);
  }
}
