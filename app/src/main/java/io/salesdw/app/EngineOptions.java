package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.engine.DuckDbEngine;
import io.salesdw.semantic.engine.SqlEngine;
import io.salesdw.semantic.engine.TrinoEngine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a command's queries run: {@code --engine duckdb} (in-process, the default) or {@code
 * --engine trino} (a Trino cluster over the same Delta tables, at {@code --trino-url}).
 */
final class EngineOptions {
  @Option(
      names = "--engine",
      defaultValue = "duckdb",
      converter = EngineConverter.class,
      paramLabel = "duckdb|trino",
      description =
          "duckdb (default): in-process over the Delta snapshot. trino: a Trino cluster with the"
              + " lake registered (salesdw trino register), at --trino-url.")
  Engine engine;

  @Option(
      names = "--trino-url",
      paramLabel = "URL",
      defaultValue = "${env:SALESDW_TRINO_URL}",
      description =
          "Trino JDBC URL naming the Delta Lake catalog, jdbc:trino://HOST:PORT/CATALOG (default:"
              + " $SALESDW_TRINO_URL).")
  String trinoUrl;

  @Option(
      names = "--trino-user",
      paramLabel = "USER",
      defaultValue = "${env:SALESDW_TRINO_USER:-salesdw}",
      description = "Trino user (default: $SALESDW_TRINO_USER, else ${DEFAULT-VALUE}).")
  String trinoUser;

  /** The engine chosen, reading {@code lake}; the caller closes it. */
  SqlEngine open(Lake lake) {
    return switch (engine) {
      case DUCKDB -> DuckDbEngine.open(lake);
      case TRINO -> TrinoEngine.connect(lake, trinoUrl(), trinoUser);
    };
  }

  /** The Trino URL, which {@code --engine trino} needs. */
  String trinoUrl() {
    if (trinoUrl == null || trinoUrl.isBlank()) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "--engine trino needs the Trino JDBC URL: give --trino-url"
              + " jdbc:trino://HOST:PORT/CATALOG or set SALESDW_TRINO_URL (scripts/trino start DIR"
              + " starts a Trino on loopback and prints it as jdbc_url=).");
    }
    return trinoUrl;
  }

  /** The engines --engine names. */
  enum Engine {
    DUCKDB,
    TRINO
  }

  /** duckdb or trino, in any case. */
  static final class EngineConverter implements ITypeConverter<Engine> {
    @Override
    public Engine convert(String value) {
      for (Engine engine : Engine.values()) {
        if (engine.name().equalsIgnoreCase(value.strip())) {
          return engine;
        }
      }
      throw new TypeConversionException("'" + value + "' is not an engine; use duckdb or trino");
    }
  }
}
