package io.salesdw.semantic.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's files, read back as JSON lines, independently of the code that wrote them. */
class TestQueryAuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void writesEveryComponentAsOneSnakeCaseJsonLine() throws IOException {
    QueryAuditEntry entry =
        new QueryAuditEntry(
            Instant.parse("2026-03-08T03:30:00.123456Z"),
            Duration.ofMillis(1_234),
            "ann",
            "executive",
            "flight-sql",
            "127.0.0.1:53122",
            "SELECT MEASURE(revenue)\nFROM metrics",
            List.of("revenue", "win_rate"),
            List.of("gold.dim_rep", "gold.fact_order"),
            17,
            QueryOutcome.OK,
            Optional.empty());
    try (QueryAuditLog log = QueryAuditLog.open(directory)) {
      log.append(entry);
    }

    // 03:30 UTC on 8 March is still 7 March in the tests' zone (America/New_York): the file is
    // named by the UTC day.
    List<String> lines = Files.readAllLines(directory.resolve("queries-2026-03-08.jsonl"), UTF_8);
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(fieldNames(line))
        .containsExactly(
            "started_at",
            "elapsed_ms",
            "user_name",
            "role_name",
            "endpoint",
            "client",
            "sql_text",
            "metrics",
            "tables",
            "rows_returned",
            "outcome",
            "error");
    assertThat(line.get("started_at").asText()).isEqualTo("2026-03-08T03:30:00.123456Z");
    assertThat(line.get("elapsed_ms").asLong()).isEqualTo(1_234);
    assertThat(line.get("user_name").asText()).isEqualTo("ann");
    assertThat(line.get("role_name").asText()).isEqualTo("executive");
    assertThat(line.get("endpoint").asText()).isEqualTo("flight-sql");
    assertThat(line.get("client").asText()).isEqualTo("127.0.0.1:53122");
    assertThat(line.get("sql_text").asText()).isEqualTo("SELECT MEASURE(revenue)\nFROM metrics");
    assertThat(line.get("metrics").isArray()).isTrue();
    assertThat(texts(line.get("metrics"))).containsExactly("revenue", "win_rate");
    assertThat(texts(line.get("tables"))).containsExactly("gold.dim_rep", "gold.fact_order");
    assertThat(line.get("rows_returned").asLong()).isEqualTo(17);
    assertThat(line.get("outcome").asText()).isEqualTo("OK");
    assertThat(line.get("error").isNull()).isTrue();
  }

  @Test
  void opensWithTodaysFileEmptySoThatTheTableHasAFileToRead() throws IOException {
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    try (QueryAuditLog log = QueryAuditLog.open(directory.resolve("audit"))) {
      LocalDate after = LocalDate.now(ZoneOffset.UTC);
      assertThat(log.directory()).isEqualTo(directory.resolve("audit").toAbsolutePath());
      try (Stream<Path> files = Files.list(log.directory())) {
        List<String> names = files.map(file -> file.getFileName().toString()).toList();
        assertThat(names)
            .hasSize(1)
            .first()
            .isIn("queries-" + before + ".jsonl", "queries-" + after + ".jsonl");
      }
      try (Stream<Path> files = Files.list(log.directory())) {
        assertThat(Files.size(files.findFirst().orElseThrow())).isZero();
      }
    }
  }

  @Test
  void keepsEveryByteAlreadyInAFile() throws IOException {
    Path file = directory.resolve("queries-2026-01-02.jsonl");
    // An earlier run's line, and the half line a crash might have left: neither is touched.
    byte[] earlier = "{\"user_name\":\"earlier\"}\n{\"user_na".getBytes(UTF_8);
    Files.write(file, earlier);

    try (QueryAuditLog log = QueryAuditLog.open(directory)) {
      log.append(entry("bo", Instant.parse("2026-01-02T10:00:00Z"), 1));
      log.append(entry("bo", Instant.parse("2026-01-02T11:00:00Z"), 2));
    }

    byte[] after = Files.readAllBytes(file);
    assertThat(Arrays.copyOf(after, earlier.length)).isEqualTo(earlier);
    String appended = new String(after, earlier.length, after.length - earlier.length, UTF_8);
    // The torn line is ended first, so that each entry is a line of its own.
    assertThat(appended).startsWith("\n").endsWith("\n");
    String[] lines = appended.substring(1).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines[0]).get("rows_returned").asLong()).isEqualTo(1);
    assertThat(JSON.readTree(lines[1]).get("rows_returned").asLong()).isEqualTo(2);
  }

  @Test
  void losesNoEntryOfTwoWritersAppendingAtOnce() throws Exception {
    // Two logs on one directory: two file descriptors, as two processes would have.
    int perWriter = 200;
    Instant day = Instant.parse("2026-05-01T12:00:00Z");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try (QueryAuditLog first = QueryAuditLog.open(directory);
        QueryAuditLog second = QueryAuditLog.open(directory)) {
      List<Future<?>> done = new ArrayList<>();
      for (String user : List.of("ann", "bo")) {
        QueryAuditLog log = user.equals("ann") ? first : second;
        done.add(
            writers.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perWriter; i++) {
                    log.append(entry(user, day, i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    List<String> lines = Files.readAllLines(directory.resolve("queries-2026-05-01.jsonl"), UTF_8);
    assertThat(lines).hasSize(2 * perWriter);
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      JsonNode entry = JSON.readTree(line);
      seen.add(entry.get("user_name").asText() + "#" + entry.get("rows_returned").asLong());
    }
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < perWriter; i++) {
      expected.add("ann#" + i);
      expected.add("bo#" + i);
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void refusesAnEntryOnceClosed() {
    QueryAuditLog log = QueryAuditLog.open(directory);
    log.close();
    assertThatThrownBy(() -> log.append(entry("ann", Instant.parse("2026-01-02T10:00:00Z"), 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  static QueryAuditEntry entry(String user, Instant startedAt, long rows) {
    return new QueryAuditEntry(
        startedAt,
        Duration.ofMillis(5),
        user,
        "executive",
        "avatica",
        "127.0.0.1:1",
        "SELECT 1",
        List.of(),
        List.of(),
        rows,
        QueryOutcome.OK,
        Optional.empty());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
