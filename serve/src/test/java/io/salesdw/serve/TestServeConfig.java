package io.salesdw.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.access.RowScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestServeConfig {
  private static final String PASSWORD_HASH = PasswordHash.ofPassword("pw").encoded();
  private static final String TOKEN_HASH = PasswordHash.ofToken("tok").encoded();

  @TempDir Path directory;

  @Test
  void defaults() {
    ServeConfig config = parse("users: []\n");

    assertThat(config).isEqualTo(ServeConfig.defaults());
    assertThat(config.listen()).isEqualTo("127.0.0.1");
    assertThat(config.flightSqlPort()).isEqualTo(31337);
    assertThat(config.avaticaPort()).isEqualTo(8765);
    assertThat(config.tls()).isEmpty();
    assertThat(config.limits()).isEqualTo(new ServeLimits(Duration.ofSeconds(30), 100_000, 4));
    assertThat(config.login())
        .isEqualTo(new LoginLimits(5, Duration.ofSeconds(60), Duration.ofSeconds(60)));
    assertThat(config.auditDirectory(Path.of("/lake"))).isEqualTo(Path.of("/lake/_audit"));
    assertThat(config.roles())
        .isEqualTo(
            Map.of("executive", Role.executive(), "manager", Role.manager(), "rep", Role.rep()));
    assertThat(config.users()).isEmpty();
  }

  @Test
  void fullMapping() throws Exception {
    Files.writeString(directory.resolve("server.p12"), "not read here");
    ServeConfig config =
        parse(
            String.join(
                "\n",
                "listen: 0.0.0.0",
                "flight-sql: {port: 0}",
                "avatica: {port: 9000}",
                "tls: {key-store: server.p12, password-env: TLS_PW}",
                "limits: {query-timeout: 1500ms, max-rows: 10, concurrent-queries-per-user: 2}",
                "login: {max-failures: 3, window: 5m, lockout: 1h}",
                "audit: {dir: audit-log}",
                "roles:",
                "  - {name: manager, pii: visible}",
                "  - {name: analyst, rows: all, aggregates: visible}",
                "users:",
                "  - {name: ceo, role: executive, password-hash: \"" + PASSWORD_HASH + "\"}",
                "  - name: wang",
                "    role: rep",
                "    rep-id: REP0001",
                "    token-hash: \"" + TOKEN_HASH + "\"",
                "  - {name: li, role: analyst, password-hash: \""
                    + PASSWORD_HASH
                    + "\","
                    + " token-hash: \""
                    + TOKEN_HASH
                    + "\"}",
                ""));

    assertThat(config.listen()).isEqualTo("0.0.0.0");
    assertThat(config.flightSqlPort()).isZero();
    assertThat(config.avaticaPort()).isEqualTo(9000);
    assertThat(config.tls()).contains(new ServeTls(directory.resolve("server.p12"), "tls-secret"));
    assertThat(config.limits()).isEqualTo(new ServeLimits(Duration.ofMillis(1500), 10, 2));
    assertThat(config.login())
        .isEqualTo(new LoginLimits(3, Duration.ofMinutes(5), Duration.ofHours(1)));
    assertThat(config.auditDirectory(Path.of("/lake"))).isEqualTo(directory.resolve("audit-log"));
    assertThat(config.roles().get("manager"))
        .isEqualTo(new Role("manager", RowScope.SUBTREE, true, false, false));
    assertThat(config.roles().get("analyst"))
        .isEqualTo(new Role("analyst", RowScope.ALL, false, true, false));
    assertThat(config.roles().get("executive")).isEqualTo(Role.executive());
    assertThat(config.users()).extracting(ServeUser::name).containsExactly("ceo", "wang", "li");
    ServeUser wang = config.user("wang").orElseThrow();
    assertThat(wang.role()).isEqualTo(Role.rep());
    assertThat(wang.repId()).contains("REP0001");
    assertThat(wang.passwordHash()).isEmpty();
    assertThat(wang.tokenHash().orElseThrow().verify("tok")).isTrue();
    assertThat(config.user("ceo").orElseThrow().passwordHash().orElseThrow().verify("pw")).isTrue();
    assertThat(config.user("nobody")).isEmpty();
    assertThat(config.toString()).doesNotContain("tls-secret");
  }

  @Test
  void unknownKeyNamesFileLineAndKey() {
    assertThatThrownBy(() -> parse("listen: 127.0.0.1\nlimits:\n  max-rowz: 5\n"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("serve.yaml line 3: unknown key 'max-rowz' at limits")
        .hasMessageContaining("max-rows");
  }

  @Test
  void plainTextPasswordIsRefusedWithHowToHashIt() {
    assertThatThrownBy(
            () ->
                parse(
                    "users:\n"
                        + "  - name: ceo\n"
                        + "    role: executive\n"
                        + "    password: hunter2\n"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining(
            "serve.yaml line 4: users[0] (ceo).password: a plain-text password may not be stored"
                + " in the file; store its hash instead: run 'salesdw serve hash-password'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void passwordInAHashFieldIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> parse("users:\n" + "  - {name: ceo, role: executive, password-hash: hunter2}\n"))
        .hasMessageContaining(
            "serve.yaml line 2: users[0] (ceo).password-hash: not a pbkdf2-sha256$… hash (7"
                + " characters, not shown)")
        .hasMessageContaining("salesdw serve hash-password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void reportsEveryProblemWithItsLine() {
    assertThatThrownBy(
            () ->
                parse(
                    String.join(
                        "\n",
                        "limits:",
                        "  query-timeout: soon",
                        "users:",
                        "  - {name: ann, role: executive, token-hash: \"" + TOKEN_HASH + "\"}",
                        "  - {name: bob, role: rep, password-hash: \"" + PASSWORD_HASH + "\"}",
                        "  - {name: cho, role: boss, token-hash: \"" + TOKEN_HASH + "\"}",
                        "  - {name: dan, role: manager, rep-id: REP0002}",
                        "")))
        .hasMessageStartingWith("the serve configuration serve.yaml has 4 problems:")
        .hasMessageContaining(
            "serve.yaml line 2: limits.query-timeout: 'soon' is not a positive duration")
        .hasMessageContaining(
            "serve.yaml line 5: users[1] (bob).rep-id: missing: the role rep reads only a rep's"
                + " rows")
        .hasMessageContaining(
            "serve.yaml line 6: users[2] (cho).role: unknown role 'boss'; the roles are"
                + " executive, manager, rep")
        .hasMessageContaining(
            "serve.yaml line 7: users[3] (dan): has neither password-hash nor token-hash");
  }

  @Test
  void tlsPasswordMustComeFromTheEnvironment() throws Exception {
    Files.writeString(directory.resolve("server.p12"), "x");

    assertThatThrownBy(() -> parse("tls:\n  key-store: server.p12\n  password-env: UNSET_VAR\n"))
        .hasMessageContaining(
            "serve.yaml line 3: tls.password-env: the environment variable UNSET_VAR is not set");
    assertThatThrownBy(
            () -> parse("tls:\n  key-store: server.p12\n  password: abc\n  password-env: TLS_PW\n"))
        .hasMessageContaining(
            "serve.yaml line 3: tls.password: the key store's password may not be written in the"
                + " file");
    assertThatThrownBy(() -> parse("tls: {key-store: missing.p12, password-env: TLS_PW}\n"))
        .hasMessageContaining(
            "serve.yaml line 1: tls.key-store: no such file: " + directory.resolve("missing.p12"));
  }

  @Test
  void loadsAFileAndNamesItInErrors() throws Exception {
    Path file = directory.resolve("bad.yaml");
    Files.writeString(file, "flight-sql:\n  port: 70000\n");

    assertThatThrownBy(() -> ServeConfig.load(file))
        .hasMessageContaining(file + " line 2: flight-sql.port: a port is 0 to 65535, not 70000");
    assertThatThrownBy(() -> ServeConfig.load(directory.resolve("none.yaml")))
        .hasMessageContaining(
            "cannot read the serve configuration " + directory.resolve("none.yaml"));
  }

  private ServeConfig parse(String yaml) {
    return ServeConfig.parse(
        yaml, "serve.yaml", directory, name -> name.equals("TLS_PW") ? "tls-secret" : null);
  }
}
