package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The declared shape of one source entity (such as CRM leads or ERP orders): its columns in order,
 * natural key, the column that orders its changes, and its personal-data columns. Ingestion checks
 * rows against it; transforms and the semantic layer read names and types from it.
 */
public record TableContract(
    SourceSystem source,
    String entity,
    Optional<String> description,
    List<ContractColumn> columns,
    List<String> naturalKey,
    Optional<String> changeOrdering) {
  public TableContract {
    requireNonNull(source, "source is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(description, "description is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    naturalKey = List.copyOf(requireNonNull(naturalKey, "naturalKey is null"));
    requireNonNull(changeOrdering, "changeOrdering is null");
    for (String key : naturalKey) {
      if (indexOfColumn(columns, key).isEmpty()) {
        throw new IllegalArgumentException("natural key column not among the columns: " + key);
      }
    }
    if (changeOrdering.isPresent() && indexOfColumn(columns, changeOrdering.get()).isEmpty()) {
      throw new IllegalArgumentException(
          "change-ordering column not among the columns: " + changeOrdering.get());
    }
  }

  /** The table name used in the lake, {@code <source>_<entity>}, such as {@code crm_leads}. */
  public String tableName() {
    return source.code() + "_" + entity;
  }

  /** The column with this name. */
  public Optional<ContractColumn> column(String name) {
    return indexOf(name).stream().mapToObj(columns::get).findFirst();
  }

  /** The position of the column with this name among {@link #columns()}. */
  public OptionalInt indexOf(String name) {
    return indexOfColumn(columns, name);
  }

  public List<String> columnNames() {
    return columns.stream().map(ContractColumn::name).toList();
  }

  /** The names of the columns that hold personal data (phones, e-mails, people's names). */
  public List<String> piiColumns() {
    return columns.stream().filter(ContractColumn::pii).map(ContractColumn::name).toList();
  }

  private static OptionalInt indexOfColumn(List<ContractColumn> columns, String name) {
    return IntStream.range(0, columns.size())
        .filter(i -> columns.get(i).name().equals(name))
        .findFirst();
  }
}
