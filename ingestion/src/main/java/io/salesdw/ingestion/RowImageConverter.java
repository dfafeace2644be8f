package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LogicalType;
import io.salesdw.contracts.TableContract;
import io.salesdw.ingestion.mapping.FileMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts a row image, a JSON object of source texts keyed by source column (the {@code data} of a
 * CRM change), into the canonical values of its contract with the mapping of the entity's export
 * file, exactly as a landed row of that file would be converted. Used by silver to apply the change
 * feed; not an ingestion entry point.
 */
public final class RowImageConverter {
  private final TableContract contract;
  private final FileMapping mapping;
  private final ValueConverter converter;

  public RowImageConverter(TableContract contract, FileMapping mapping) {
    this.contract = requireNonNull(contract, "contract is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.converter = new ValueConverter(mapping);
  }

  /**
   * The outcome: the canonical text of every contract column (empty = null) and the hash bronze
   * would give the same row, or the fields and reasons that broke the contract.
   */
  public record Converted(
      List<Optional<String>> values,
      String rowHash,
      Optional<String> field,
      Optional<String> reason) {
    public Converted {
      values = List.copyOf(requireNonNull(values, "values is null"));
      requireNonNull(rowHash, "rowHash is null");
      requireNonNull(field, "field is null");
      requireNonNull(reason, "reason is null");
    }
  }

  /** Converts one image given as JSON text. */
  public Converted convert(String imageJson) {
    requireNonNull(imageJson, "imageJson is null");
    JsonNode node;
    try {
      node = ValueConverter.JSON.readTree(imageJson);
    } catch (JsonProcessingException e) {
      return problem(Optional.empty(), "broken JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return problem(
          Optional.empty(),
          "the row image must be a JSON object, found "
              + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    List<Optional<String>> values = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ContractColumn column : contract.columns()) {
      JsonNode value =
          mapping.absentColumns().contains(column.name())
              ? null
              : node.get(mapping.sourceColumn(column.name()));
      Optional<String> raw;
      if (value == null || value.isNull()) {
        raw = Optional.empty();
      } else if (column.type().kind() == LogicalType.Kind.JSON) {
        raw = Optional.of(value.toString());
      } else if (value.isValueNode()) {
        raw =
            Optional.of(
                value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
      } else {
        fields.add(column.name());
        problems.add(
            column.name()
                + ": expected a single "
                + column.type()
                + " value, found a JSON "
                + value.getNodeType().name().toLowerCase(Locale.ROOT));
        values.add(Optional.empty());
        continue;
      }
      ValueConverter.Conversion conversion = converter.convert(column, raw);
      if (conversion.problem().isPresent()) {
        fields.add(column.name());
        problems.add(column.name() + ": " + conversion.problem().get());
      }
      values.add(conversion.value());
    }
    if (!problems.isEmpty()) {
      return problem(Optional.of(String.join(",", fields)), String.join("; ", problems));
    }
    return new Converted(
        values, ExportFileParser.rowHash(values), Optional.empty(), Optional.empty());
  }

  private static Converted problem(Optional<String> field, String reason) {
    return new Converted(List.of(), "", field, Optional.of(reason));
  }
}
