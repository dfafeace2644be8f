package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.ContractsConfig.ColumnConfig;
import io.salesdw.contracts.ContractsConfig.TableConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every source entity's {@link TableContract}, loaded from the one YAML file that declares them
 * ({@value #RESOURCE} on the classpath), so that ingestion, transforms and the semantic layer read
 * the same declarations. Non-Java tools can read the same file.
 */
public record SourceContracts(List<TableContract> tables) {
  /** The classpath resource holding the project's contracts. */
  public static final String RESOURCE = "io/salesdw/contracts/source-contracts.yaml";

  /** A column left without {@code nullable} may be missing; keys must say {@code false}. */
  public static final boolean DEFAULT_NULLABLE = true;

  /** A column left without {@code pii} holds no personal data. */
  public static final boolean DEFAULT_PII = false;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public SourceContracts {
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
  }

  /** The project's contracts, from {@value #RESOURCE}. */
  public static SourceContracts load() {
    return parse(resourceText(), RESOURCE);
  }

  /** The text of {@value #RESOURCE}, for code that ships it to Spark executors. */
  public static String resourceText() {
    try (InputStream in = SourceContracts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw ContractErrors.missingResource(RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses and validates a contracts file; every issue in the file is reported at once.
   *
   * @param origin the file or resource name used in error messages
   * @throws SalesdwException listing every issue, with the table and column it concerns
   */
  public static SourceContracts parse(String yaml, String origin) {
    ContractsConfig config = StrictYaml.read(yaml, origin, ContractsConfig.class);
    List<String> issues = new ArrayList<>();
    List<TableContract> tables = new ArrayList<>();
    Set<String> tableNames = new HashSet<>();
    List<TableConfig> tableConfigs = config.tables() == null ? List.of() : config.tables();
    if (tableConfigs.isEmpty()) {
      issues.add("'tables' is missing or empty");
    }
    for (int i = 0; i < tableConfigs.size(); i++) {
      TableConfig table = tableConfigs.get(i);
      String where = "tables[" + i + "]";
      if (table == null) {
        issues.add(where + " is empty");
        continue;
      }
      Optional<SourceSystem> source = source(table.source(), where, issues);
      if (table.entity() == null || !NAME.matcher(table.entity()).matches()) {
        issues.add(where + ": 'entity' must be a snake_case name, found: " + table.entity());
        continue;
      }
      where = table.source() + "." + table.entity();
      if (!tableNames.add(where)) {
        issues.add(where + ": declared twice");
      }
      List<ContractColumn> columns = columns(table.columns(), where, issues);
      Set<String> names = new HashSet<>();
      for (ContractColumn column : columns) {
        if (!names.add(column.name())) {
          issues.add(where + ": column '" + column.name() + "' declared twice");
        }
      }
      List<String> naturalKey = table.naturalKey() == null ? List.of() : table.naturalKey();
      if (naturalKey.isEmpty()) {
        issues.add(where + ": 'natural-key' is missing; list the columns that identify a row");
      }
      for (String key : naturalKey) {
        Optional<ContractColumn> column =
            columns.stream().filter(c -> c.name().equals(key)).findFirst();
        if (column.isEmpty()) {
          issues.add(
              where
                  + ": natural key column '"
                  + key
                  + "' is not among its columns "
                  + names(columns));
        } else if (column.get().nullable()) {
          issues.add(where + ": natural key column '" + key + "' must say 'nullable: false'");
        }
      }
      Optional<String> changeOrdering = Optional.ofNullable(table.changeOrdering());
      changeOrdering.ifPresent(
          ordering -> {
            if (columns.stream().noneMatch(c -> c.name().equals(ordering))) {
              issues.add(
                  String.format(
                      "%s.%s: change-ordering column '%s' is not among its columns %s",
                      table.source(), table.entity(), ordering, names(columns)));
            }
          });
      if (source.isPresent() && issues.isEmpty()) {
        tables.add(
            new TableContract(
                source.get(),
                table.entity(),
                Optional.ofNullable(table.description()),
                columns,
                naturalKey,
                changeOrdering));
      }
    }
    if (!issues.isEmpty()) {
      throw ContractErrors.invalidContracts(origin, issues);
    }
    return new SourceContracts(tables);
  }

  /** The contract of one entity, such as {@code (CRM, "leads")}. */
  public Optional<TableContract> find(SourceSystem source, String entity) {
    return tables.stream()
        .filter(table -> table.source() == source && table.entity().equals(entity))
        .findFirst();
  }

  /**
   * The contract of one entity.
   *
   * @throws SalesdwException naming the entities of the source when there is none
   */
  public TableContract get(SourceSystem source, String entity) {
    return find(source, entity)
        .orElseThrow(
            () ->
                ContractErrors.noSuchContract(
                    source,
                    entity,
                    forSource(source).stream().map(TableContract::entity).toList()));
  }

  /** The contracts of one source system, in declaration order. */
  public List<TableContract> forSource(SourceSystem source) {
    return tables.stream().filter(table -> table.source() == source).toList();
  }

  private static Optional<SourceSystem> source(String text, String where, List<String> issues) {
    for (SourceSystem source : SourceSystem.values()) {
      if (source.code().equals(text)) {
        return Optional.of(source);
      }
    }
    issues.add(
        where
            + ": 'source' must be one of crm, erp, chat, found: "
            + (text == null ? "nothing" : "'" + text + "'"));
    return Optional.empty();
  }

  private static List<ContractColumn> columns(
      List<ColumnConfig> configs, String where, List<String> issues) {
    if (configs == null || configs.isEmpty()) {
      issues.add(where + ": 'columns' is missing or empty");
      return List.of();
    }
    List<ContractColumn> columns = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      ColumnConfig config = configs.get(i);
      String columnWhere = where + ".columns[" + i + "]";
      if (config == null) {
        issues.add(columnWhere + " is empty");
        continue;
      }
      if (config.name() == null || !NAME.matcher(config.name()).matches()) {
        issues.add(columnWhere + ": 'name' must be a snake_case name, found: " + config.name());
        continue;
      }
      columnWhere = where + "." + config.name();
      Optional<LogicalType> type =
          config.type() == null ? Optional.empty() : LogicalType.parse(config.type());
      if (type.isEmpty()) {
        issues.add(
            columnWhere
                + ": 'type' must be string, integer, decimal(p,s) with 1 <= p <= 38 and s <= p,"
                + " date, timestamp, boolean or json, found: "
                + config.type());
        continue;
      }
      List<String> values = config.values() == null ? List.of() : config.values();
      if (!values.isEmpty() && type.get().kind() != LogicalType.Kind.STRING) {
        issues.add(
            columnWhere
                + ": 'values' (an enumeration) needs type string, found: "
                + type.get().toString().toLowerCase(Locale.ROOT));
      }
      if (new HashSet<>(values).size() != values.size()) {
        issues.add(columnWhere + ": 'values' lists a code twice: " + values);
      }
      columns.add(
          new ContractColumn(
              config.name(),
              type.get(),
              config.nullable() == null ? DEFAULT_NULLABLE : config.nullable(),
              config.pii() == null ? DEFAULT_PII : config.pii(),
              values,
              Optional.ofNullable(config.description())));
    }
    return columns;
  }

  private static String names(List<ContractColumn> columns) {
    return columns.stream().map(ContractColumn::name).toList().toString();
  }
}
