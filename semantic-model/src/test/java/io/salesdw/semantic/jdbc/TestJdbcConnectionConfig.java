package io.salesdw.semantic.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestJdbcConnectionConfig {
  @Test
  void theModelDefaultsToTheShippedOne() {
    assertThat(JdbcConnectionConfig.from(Map.of("lake", "/data/lake")))
        .isEqualTo(new JdbcConnectionConfig("/data/lake", Optional.empty()));
  }

  @Test
  void everyPropertyIsRead() {
    // Keys in any case; the credentials tools send and Avatica's own properties are let through.
    assertThat(
            JdbcConnectionConfig.from(
                Map.of(
                    "LAKE", "s3a://bucket/lake",
                    "model", "/etc/salesdw/model",
                    "user", "analyst",
                    "password", "secret",
                    "timeZone", "Asia/Shanghai")))
        .isEqualTo(
            new JdbcConnectionConfig(
                "s3a://bucket/lake", Optional.of(Path.of("/etc/salesdw/model"))));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> JdbcConnectionConfig.from(Map.of("lak", "/data/lake", "modle", "m")))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "The salesdw connection's properties are not valid: unknown properties [lak, modle];"
                + " no 'lake'. Write the URL as"
                + " jdbc:salesdw:lake=/path/to/lake[;model=/path/to/model-dir] (salesdw reads lake"
                + " and model; quote a value holding ';' as lake='/a;b').");
    assertThatThrownBy(() -> JdbcConnectionConfig.from(Map.of("lake", " ")))
        .hasMessageStartingWith("The salesdw connection's properties are not valid: no 'lake'.");
  }
}
