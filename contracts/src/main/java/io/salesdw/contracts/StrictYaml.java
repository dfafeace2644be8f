package io.salesdw.contracts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a YAML configuration file into records the strict way (Trino's strict config): keys are
 * kebab-case, an unknown or duplicated key fails with its file, line and the keys that are known,
 * and a value of the wrong shape fails with its path. Used for the contracts and for the ingestion
 * mappings, so that every YAML file of the project fails the same way.
 */
public final class StrictYaml {
  private static final ObjectMapper MAPPER = createMapper();

  private StrictYaml() {}

  /**
   * Reads {@code text} (named {@code origin} in error messages: a file path or a resource name)
   * into {@code type}.
   *
   * @throws SalesdwException ({@link ErrorKind#USER_ERROR}) naming the origin, line and key
   */
  public static <T> T read(String text, String origin, Class<T> type) {
    requireNonNull(text, "text is null");
    requireNonNull(origin, "origin is null");
    requireNonNull(type, "type is null");
    T value;
    try {
      value = MAPPER.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      List<JsonMappingException.Reference> where = e.getPath();
      throw ContractErrors.unknownYamlKey(
          origin,
          lineOfKey(text, e.getPropertyName(), tokenLine(e)),
          path(where.subList(0, Math.max(0, where.size() - 1))),
          e.getPropertyName(),
          knownKeys(e.getKnownPropertyIds()));
    } catch (JsonMappingException e) {
      throw ContractErrors.invalidYamlValue(
          origin, tokenLine(e), path(e.getPath()), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw ContractErrors.invalidYamlSyntax(
          origin, line(e.getLocation()), e.getOriginalMessage(), e);
    }
    if (value == null) {
      throw ContractErrors.emptyYaml(origin);
    }
    return value;
  }

  private static ObjectMapper createMapper() {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /**
   * The line of an unknown key. Jackson reports unknown keys of records after reading the whole
   * object, so its location can be past the key: look back from there for the key itself.
   */
  private static int lineOfKey(String text, String key, int reportedLine) {
    String[] lines = text.split("\n", -1);
    Pattern pattern = Pattern.compile("(^|[\\s{,-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
    for (int line = Math.min(reportedLine, lines.length); line >= 1; line--) {
      if (pattern.matcher(lines[line - 1]).find()) {
        return line;
      }
    }
    return reportedLine;
  }

  /** The line of the token being read (the parser's own location may be past it). */
  private static int tokenLine(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser parser && parser.currentTokenLocation() != null) {
      return parser.currentTokenLocation().getLineNr();
    }
    return line(e.getLocation());
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(top level)" : path.toString();
  }

  private static String knownKeys(Collection<Object> known) {
    if (known == null) {
      return "";
    }
    return known.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
  }
}
