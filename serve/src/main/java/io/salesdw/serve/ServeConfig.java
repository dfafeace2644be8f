package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.StrictYaml;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.access.RowScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of {@code salesdw serve} ({@code --config FILE}): where to listen, TLS, limits,
 * log-in throttling, the audit's directory, roles and users. Read strictly: an unknown key, a value
 * of the wrong shape, a user without a rep id where the role needs one, and a plain-text secret are
 * errors naming the file, the line and the key.
 *
 * <pre>{@code
 * listen: 127.0.0.1
 * flight-sql: {port: 31337}
 * avatica: {port: 8765}
 * tls: {key-store: server.p12, password-env: SALESDW_TLS_PASSWORD}
 * limits: {query-timeout: 30s, max-rows: 100000, concurrent-queries-per-user: 4}
 * login: {max-failures: 5, window: 60s, lockout: 60s}
 * users:
 *   - {name: ceo, role: executive, password-hash: "pbkdf2-sha256$100000$…$…"}
 *   - {name: wang, role: rep, rep-id: REP0001, token-hash: "sha256$…"}
 * }</pre>
 *
 * @param listen the host the endpoints bind to
 * @param flightSqlPort the Flight SQL port (0: any free port)
 * @param avaticaPort the Avatica port (0: any free port)
 * @param tls TLS for both endpoints, if configured
 * @param limits the query limits
 * @param login the log-in throttle's limits
 * @param auditDirectory the audit's directory, if not the lake's {@code _audit}
 * @param roles the roles by name: the defaults, overridden or extended by the file
 * @param users the users, in the file's order
 */
public record ServeConfig(
    String listen,
    int flightSqlPort,
    int avaticaPort,
    Optional<ServeTls> tls,
    ServeLimits limits,
    LoginLimits login,
    Optional<Path> auditDirectory,
    Map<String, Role> roles,
    List<ServeUser> users) {
  /** Loopback: serving beyond the machine is a decision to write down. */
  public static final String DEFAULT_LISTEN = "127.0.0.1";

  public static final int DEFAULT_FLIGHT_SQL_PORT = 31337;
  public static final int DEFAULT_AVATICA_PORT = 8765;

  /** The audit's directory under the lake's root when none is configured. */
  public static final String DEFAULT_AUDIT_DIRECTORY = "_audit";

  private static final String HASH_HINT =
      "store its hash instead: run 'salesdw serve hash-password' and paste what it prints";
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  public ServeConfig {
    requireNonNull(listen, "listen is null");
    requireNonNull(tls, "tls is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(login, "login is null");
    requireNonNull(auditDirectory, "auditDirectory is null");
    roles = Map.copyOf(requireNonNull(roles, "roles is null"));
    users = List.copyOf(requireNonNull(users, "users is null"));
    checkPort(flightSqlPort);
    checkPort(avaticaPort);
  }

  /** Everything at its default, with the default roles and no users. */
  public static ServeConfig defaults() {
    return new ServeConfig(
        DEFAULT_LISTEN,
        DEFAULT_FLIGHT_SQL_PORT,
        DEFAULT_AVATICA_PORT,
        Optional.empty(),
        ServeLimits.defaults(),
        LoginLimits.defaults(),
        Optional.empty(),
        defaultRoles(),
        List.of());
  }

  /**
   * Reads a configuration file; the TLS key store's password comes from the environment.
   *
   * @throws io.salesdw.contracts.SalesdwException naming the file, line and key of each problem
   */
  public static ServeConfig load(Path file) {
    requireNonNull(file, "file is null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ServeErrors.unreadableConfig(file, e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), base, System::getenv);
  }

  /**
   * Reads a configuration's text.
   *
   * @param origin the file's name, for messages
   * @param base the directory relative paths (key store, audit) are resolved against
   * @param environment the environment variables, by name (null if unset)
   */
  public static ServeConfig parse(
      String text, String origin, Path base, Function<String, String> environment) {
    requireNonNull(text, "text is null");
    requireNonNull(origin, "origin is null");
    requireNonNull(base, "base is null");
    requireNonNull(environment, "environment is null");
    ServeConfigFile file = StrictYaml.read(text, origin, ServeConfigFile.class);
    return new Reader(text, origin, base, environment).read(file);
  }

  /** The audit's directory: the configured one, or {@code _audit} under the lake's root. */
  public Path auditDirectory(Path lakeRoot) {
    return auditDirectory.orElseGet(() -> lakeRoot.resolve(DEFAULT_AUDIT_DIRECTORY));
  }

  /** The user named {@code name}, if configured. */
  public Optional<ServeUser> user(String name) {
    return users.stream().filter(user -> user.name().equals(name)).findFirst();
  }

  static Map<String, Role> defaultRoles() {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (Role role : List.of(Role.executive(), Role.manager(), Role.rep())) {
      roles.put(role.name(), role);
    }
    return roles;
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a port is 0 to 65535: " + port);
    }
  }

  /** Turns the file's raw values into the configuration, collecting every problem. */
  private static final class Reader {
    private final String text;
    private final String origin;
    private final Path base;
    private final Function<String, String> environment;
    private final String[] lines;
    private final List<String> issues = new ArrayList<>();

    Reader(String text, String origin, Path base, Function<String, String> environment) {
      this.text = text;
      this.origin = origin;
      this.base = base;
      this.environment = environment;
      this.lines = text.split("\n", -1);
    }

    ServeConfig read(ServeConfigFile file) {
      String listen = Optional.ofNullable(file.listen()).orElse(DEFAULT_LISTEN);
      int flightSqlPort =
          port("flight-sql.port", file.flightSql(), DEFAULT_FLIGHT_SQL_PORT, "flight-sql");
      int avaticaPort = port("avatica.port", file.avatica(), DEFAULT_AVATICA_PORT, "avatica");
      Optional<ServeTls> tls = Optional.ofNullable(file.tls()).flatMap(this::tls);
      ServeLimits limits = limits(file.limits());
      LoginLimits login = login(file.login());
      Optional<Path> audit =
          Optional.ofNullable(file.audit())
              .map(ServeConfigFile.Audit::dir)
              .map(dir -> base.resolve(dir).normalize());
      Map<String, Role> roles = roles(file.roles());
      List<ServeUser> users = users(file.users(), roles);
      if (!issues.isEmpty()) {
        throw ServeErrors.invalidConfig(origin, issues);
      }
      return new ServeConfig(
          listen, flightSqlPort, avaticaPort, tls, limits, login, audit, roles, users);
    }

    private int port(String path, ServeConfigFile.Port port, int fallback, String section) {
      if (port == null || port.port() == null) {
        return fallback;
      }
      int value = port.port();
      if (value < 0 || value > 65_535) {
        issue(lineOfKey("port", lineOfKey(section, 1)), path, "a port is 0 to 65535, not " + value);
        return fallback;
      }
      return value;
    }

    private Optional<ServeTls> tls(ServeConfigFile.Tls tls) {
      int line = lineOfKey("tls", 1);
      if (tls.password() != null) {
        issue(
            lineOfKey("password", line),
            "tls.password",
            "the key store's password may not be written in the file; put it in an environment"
                + " variable and name it with password-env");
      }
      if (tls.keyStore() == null) {
        issue(line, "tls.key-store", "missing: the PKCS#12 file with the server's key");
      }
      if (tls.passwordEnv() == null) {
        issue(line, "tls.password-env", "missing: the environment variable holding its password");
      }
      if (tls.keyStore() == null || tls.passwordEnv() == null || tls.password() != null) {
        return Optional.empty();
      }
      Path keyStore = base.resolve(tls.keyStore()).normalize();
      if (!Files.isRegularFile(keyStore)) {
        issue(lineOfKey("key-store", line), "tls.key-store", "no such file: " + keyStore);
      }
      String password = environment.apply(tls.passwordEnv());
      if (password == null) {
        issue(
            lineOfKey("password-env", line),
            "tls.password-env",
            "the environment variable "
                + tls.passwordEnv()
                + " is not set; set it to the key store's password before starting the server");
        return Optional.empty();
      }
      return Optional.of(new ServeTls(keyStore, password));
    }

    private ServeLimits limits(ServeConfigFile.Limits limits) {
      if (limits == null) {
        return ServeLimits.defaults();
      }
      int line = lineOfKey("limits", 1);
      Duration timeout =
          duration(
              limits.queryTimeout(),
              "limits.query-timeout",
              ServeLimits.DEFAULT_QUERY_TIMEOUT,
              line);
      long maxRows = Optional.ofNullable(limits.maxRows()).orElse(ServeLimits.DEFAULT_MAX_ROWS);
      if (maxRows < 1) {
        issue(lineOfKey("max-rows", line), "limits.max-rows", "must be at least 1, not " + maxRows);
        maxRows = ServeLimits.DEFAULT_MAX_ROWS;
      }
      int concurrent =
          Optional.ofNullable(limits.concurrentQueriesPerUser())
              .orElse(ServeLimits.DEFAULT_CONCURRENT_QUERIES_PER_USER);
      if (concurrent < 1) {
        issue(
            lineOfKey("concurrent-queries-per-user", line),
            "limits.concurrent-queries-per-user",
            "must be at least 1, not " + concurrent);
        concurrent = ServeLimits.DEFAULT_CONCURRENT_QUERIES_PER_USER;
      }
      return new ServeLimits(timeout, maxRows, concurrent);
    }

    private LoginLimits login(ServeConfigFile.Login login) {
      if (login == null) {
        return LoginLimits.defaults();
      }
      int line = lineOfKey("login", 1);
      int maxFailures =
          Optional.ofNullable(login.maxFailures()).orElse(LoginLimits.DEFAULT_MAX_FAILURES);
      if (maxFailures < 1) {
        issue(
            lineOfKey("max-failures", line),
            "login.max-failures",
            "must be at least 1, not " + maxFailures);
        maxFailures = LoginLimits.DEFAULT_MAX_FAILURES;
      }
      return new LoginLimits(
          maxFailures,
          duration(login.window(), "login.window", LoginLimits.DEFAULT_WINDOW, line),
          duration(login.lockout(), "login.lockout", LoginLimits.DEFAULT_LOCKOUT, line));
    }

    private Duration duration(String value, String path, Duration fallback, int sectionLine) {
      if (value == null) {
        return fallback;
      }
      Matcher matcher = DURATION.matcher(value.trim());
      String key = path.substring(path.indexOf('.') + 1);
      if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
        issue(
            lineOfKey(key, sectionLine),
            path,
            "'"
                + value
                + "' is not a positive duration; write a number and a unit: 500ms, 30s, 5m, 1h");
        return fallback;
      }
      long amount = Long.parseLong(matcher.group(1));
      switch (matcher.group(2)) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        default:
          return Duration.ofHours(amount);
      }
    }

    private Map<String, Role> roles(List<ServeConfigFile.RoleEntry> entries) {
      Map<String, Role> roles = defaultRoles();
      if (entries == null) {
        return roles;
      }
      int section = lineOfKey("roles", 1);
      for (int i = 0; i < entries.size(); i++) {
        ServeConfigFile.RoleEntry entry = entries.get(i);
        String path = "roles[" + i + "]";
        if (entry.name() == null) {
          issue(section, path + ".name", "missing: every role has a name");
          continue;
        }
        int line = lineOfValue("name", entry.name(), section);
        Optional<Role> base = Optional.ofNullable(roles.get(entry.name()));
        RowScope rows = base.map(Role::rows).orElse(null);
        if (entry.rows() != null) {
          rows =
              choice(entry.rows(), path + ".rows", line, "all", "subtree", "own")
                  .map(value -> RowScope.valueOf(value.toUpperCase(Locale.ROOT)))
                  .orElse(rows);
        }
        if (rows == null) {
          issue(
              line,
              path + ".rows",
              "missing for the new role " + entry.name() + ": all, subtree or own");
          continue;
        }
        boolean pii =
            flag(
                entry.pii(),
                path + ".pii",
                line,
                "visible",
                "masked",
                base.map(Role::piiVisible).orElse(false));
        boolean aggregates =
            flag(
                entry.aggregates(),
                path + ".aggregates",
                line,
                "visible",
                "hidden",
                base.map(Role::aggregatesVisible).orElse(false));
        boolean audit =
            flag(
                entry.audit(),
                path + ".audit",
                line,
                "visible",
                "hidden",
                base.map(Role::auditVisible).orElse(false));
        try {
          roles.put(entry.name(), new Role(entry.name(), rows, pii, aggregates, audit));
        } catch (IllegalArgumentException e) {
          issue(line, path + ".name", e.getMessage());
        }
      }
      return roles;
    }

    private boolean flag(
        String value, String path, int line, String yes, String no, boolean fallback) {
      if (value == null) {
        return fallback;
      }
      return choice(value, path, line, yes, no).map(yes::equals).orElse(fallback);
    }

    private Optional<String> choice(String value, String path, int line, String... allowed) {
      for (String option : allowed) {
        if (option.equals(value)) {
          return Optional.of(option);
        }
      }
      String key = path.substring(path.lastIndexOf('.') + 1);
      issue(
          lineOfKey(key, line),
          path,
          "'" + value + "' is not one of " + String.join(", ", allowed));
      return Optional.empty();
    }

    private List<ServeUser> users(
        List<ServeConfigFile.UserEntry> entries, Map<String, Role> roles) {
      List<ServeUser> users = new ArrayList<>();
      if (entries == null) {
        return users;
      }
      int section = lineOfKey("users", 1);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < entries.size(); i++) {
        ServeConfigFile.UserEntry entry = entries.get(i);
        String path = "users[" + i + "]";
        if (entry.name() == null || entry.name().isBlank()) {
          issue(section, path + ".name", "missing: every user has a name");
          continue;
        }
        int line = lineOfValue("name", entry.name(), section);
        path = path + " (" + entry.name() + ")";
        int issuesBefore = issues.size();
        if (!names.add(entry.name())) {
          issue(line, path + ".name", "the user " + entry.name() + " is configured twice");
        }
        if (entry.password() != null) {
          issue(
              lineOfKey("password", line),
              path + ".password",
              "a plain-text password may not be stored in the file; "
                  + HASH_HINT
                  + " as password-hash");
        }
        if (entry.token() != null) {
          issue(
              lineOfKey("token", line),
              path + ".token",
              "a plain-text token may not be stored in the file; store its hash as token-hash"
                  + " ('salesdw serve hash-password --token' prints a new token and its hash)");
        }
        Optional<PasswordHash> passwordHash = Optional.empty();
        if (entry.passwordHash() != null) {
          if (PasswordHash.isPasswordHash(entry.passwordHash())) {
            passwordHash = Optional.of(new PasswordHash(entry.passwordHash()));
          } else {
            issue(
                lineOfKey("password-hash", line),
                path + ".password-hash",
                "not a pbkdf2-sha256$… hash "
                    + PasswordHash.redacted(entry.passwordHash())
                    + "; if it is the password itself, "
                    + HASH_HINT);
          }
        }
        Optional<PasswordHash> tokenHash = Optional.empty();
        if (entry.tokenHash() != null) {
          if (PasswordHash.isTokenHash(entry.tokenHash())) {
            tokenHash = Optional.of(new PasswordHash(entry.tokenHash()));
          } else {
            issue(
                lineOfKey("token-hash", line),
                path + ".token-hash",
                "not a sha256$<64 hex digits> hash "
                    + PasswordHash.redacted(entry.tokenHash())
                    + "; if it is the token itself, store its hash"
                    + " ('salesdw serve hash-password --token')");
          }
        }
        if (entry.passwordHash() == null
            && entry.tokenHash() == null
            && entry.password() == null
            && entry.token() == null) {
          issue(line, path, "has neither password-hash nor token-hash, so could never log in");
        }
        Role role = null;
        if (entry.role() == null) {
          issue(
              line, path + ".role", "missing; the roles are " + String.join(", ", roles.keySet()));
        } else {
          role = roles.get(entry.role());
          if (role == null) {
            issue(
                lineOfKey("role", line),
                path + ".role",
                "unknown role '"
                    + entry.role()
                    + "'; the roles are "
                    + String.join(", ", roles.keySet()));
          }
        }
        if (role != null && role.rows() != RowScope.ALL && entry.repId() == null) {
          issue(
              line,
              path + ".rep-id",
              "missing: the role "
                  + role.name()
                  + " reads only a rep's rows, so the user needs their rep id (dim_rep.rep_id)");
        }
        if (issues.size() == issuesBefore && role != null) {
          users.add(
              new ServeUser(
                  entry.name(), role, Optional.ofNullable(entry.repId()), passwordHash, tokenHash));
        }
      }
      return users;
    }

    private void issue(int line, String path, String problem) {
      issues.add(origin + " line " + line + ": " + path + ": " + problem);
    }

    /** The first line at or after {@code from} with {@code key:} on it; {@code from} if none. */
    private int lineOfKey(String key, int from) {
      Pattern pattern = Pattern.compile("(^|[\\s{,-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
      return find(pattern, from);
    }

    /** The first line at or after {@code from} with {@code key: value} on it. */
    private int lineOfValue(String key, String value, int from) {
      Pattern pattern =
          Pattern.compile(
              "(^|[\\s{,-])"
                  + Pattern.quote(key)
                  + "\\s*:\\s*[\"']?"
                  + Pattern.quote(value)
                  + "[\"']?\\s*([,}#]|$)");
      return find(pattern, from);
    }

    private int find(Pattern pattern, int from) {
      for (int line = Math.max(1, from); line <= lines.length; line++) {
        if (pattern.matcher(lines[line - 1]).find()) {
          return line;
        }
      }
      return from;
    }

    @Override
    public String toString() {
      return "Reader[" + origin + ", " + text.length() + " characters]";
    }
  }
}
