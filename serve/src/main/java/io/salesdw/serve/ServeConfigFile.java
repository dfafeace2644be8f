package io.salesdw.serve;

import java.util.List;

/**
 * The serve configuration file as YAML maps it, before its values are checked: every key is
 * optional here; {@link ServeConfig} supplies defaults and reports what is wrong. The keys {@code
 * password} and {@code token} are read only to refuse them with a useful message.
 */
record ServeConfigFile(
    String listen,
    Port flightSql,
    Port avatica,
    Tls tls,
    Limits limits,
    Login login,
    Audit audit,
    List<RoleEntry> roles,
    List<UserEntry> users) {
  record Port(Integer port) {}

  record Tls(String keyStore, String passwordEnv, String password) {}

  record Limits(String queryTimeout, Long maxRows, Integer concurrentQueriesPerUser) {}

  record Login(Integer maxFailures, String window, String lockout) {}

  record Audit(String dir) {}

  record RoleEntry(String name, String rows, String pii, String aggregates, String audit) {}

  record UserEntry(
      String name,
      String role,
      String repId,
      String passwordHash,
      String tokenHash,
      String password,
      String token) {}
}
