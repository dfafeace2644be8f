package io.salesdw.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LogicalType;
import io.salesdw.ingestion.mapping.FileMapping;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one source value into the canonical text of its contract type, or says why it cannot:
 * integers and decimals as plain digits (decimals at the contract's scale), dates as ISO dates,
 * timestamps as microseconds since the epoch, booleans as {@code true}/{@code false}, JSON as its
 * compact text. The canonical texts are what the bronze writer casts to Spark types, and what the
 * row hash is computed from.
 */
final class ValueConverter {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final FileMapping mapping;

  ValueConverter(FileMapping mapping) {
    this.mapping = mapping;
  }

  /** The outcome of converting one value: the canonical text (empty = null) or a reason. */
  record Conversion(Optional<String> value, Optional<String> problem) {
    static Conversion ofValue(Optional<String> value) {
      return new Conversion(value, Optional.empty());
    }

    static Conversion ofProblem(String problem) {
      return new Conversion(Optional.empty(), Optional.of(problem));
    }
  }

  /** Converts a source value; an empty {@code raw} is a missing value. */
  Conversion convert(ContractColumn column, Optional<String> raw) {
    Optional<String> value = raw.filter(text -> !mapping.nullValues().contains(text));
    if (value.isEmpty()) {
      return column.nullable()
          ? Conversion.ofValue(Optional.empty())
          : Conversion.ofProblem("missing value; the contract requires " + column.name());
    }
    String text = value.get();
    Optional<Map<String, String>> valueMap = mapping.valueMap(column.name());
    if (valueMap.isPresent() && valueMap.get().containsKey(text)) {
      text = valueMap.get().get(text);
    }
    if (column.isEnumeration() && !column.allowedValues().contains(text)) {
      return Conversion.ofProblem(
          "'"
              + value.get()
              + "' is not one of the codes "
              + column.allowedValues()
              + (valueMap.isPresent()
                  ? " nor a value mapped to one; add it to the mapping's 'values' of "
                  : "; map it with 'values' of ")
              + column.name());
    }
    try {
      return Conversion.ofValue(Optional.of(canonical(column, text)));
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      return Conversion.ofProblem(describe(column, text, e));
    } catch (JsonProcessingException e) {
      return Conversion.ofProblem(
          "'" + abbreviate(text) + "' is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private String canonical(ContractColumn column, String text) throws JsonProcessingException {
    LogicalType type = column.type();
    switch (type.kind()) {
      case STRING:
        return text;
      case INTEGER:
        return Long.toString(Long.parseLong(text.strip()));
      case DECIMAL:
        return decimal(text.strip(), type.precision(), type.scale());
      case DATE:
        return mapping.temporalFormat(column).parseDate(text).toString();
      case TIMESTAMP:
        Instant instant = mapping.temporalFormat(column).parseTimestamp(text, mapping.timeZone());
        long micros =
            Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        return Long.toString(micros);
      case BOOLEAN:
        return bool(text);
      case JSON:
        JsonNode node = JSON.readTree(text);
        if (node == null || node.isMissingNode()) {
          throw new NumberFormatException("empty");
        }
        return JSON.writeValueAsString(node);
    }
    throw new IllegalStateException("unknown type " + type);
  }

  private String bool(String text) {
    String stripped = text.strip();
    for (String candidate : mapping.trueValues()) {
      if (candidate.equalsIgnoreCase(stripped)) {
        return "true";
      }
    }
    for (String candidate : mapping.falseValues()) {
      if (candidate.equalsIgnoreCase(stripped)) {
        return "false";
      }
    }
    throw new NumberFormatException(
        "not a boolean; true is one of "
            + mapping.trueValues()
            + ", false one of "
            + mapping.falseValues()
            + " ('true-values'/'false-values' in the mapping)");
  }

  private static String decimal(String text, int precision, int scale) {
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > scale) {
      value = value.stripTrailingZeros();
      if (value.scale() > scale) {
        throw new ArithmeticException("has more than " + scale + " decimal places");
      }
    }
    value = value.setScale(scale);
    if (value.precision() > precision) {
      throw new ArithmeticException(
          "has more than " + (precision - scale) + " digits before the decimal point");
    }
    return value.toPlainString();
  }

  private String describe(ContractColumn column, String text, RuntimeException e) {
    String expected =
        switch (column.type().kind()) {
          case INTEGER -> "an integer";
          case DECIMAL -> "a " + column.type();
          case DATE -> "a date in the format '" + mapping.temporalFormat(column).text() + "'";
          case TIMESTAMP ->
              "a timestamp in the format '" + mapping.temporalFormat(column).text() + "'";
          case BOOLEAN -> "a boolean";
          default -> "a " + column.type().toString().toLowerCase(Locale.ROOT);
        };
    String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    return "'" + abbreviate(text) + "' is not " + expected + detail;
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
