package io.salesdw.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes the machine-readable result of a command ({@code --json}) to standard output. */
final class JsonOutput {
  // Decimals as written (350.00, not 3.5E+2): query results carry exact numbers.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private JsonOutput() {}

  static void print(Console console, Object document) {
    try {
      console.result(MAPPER.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON result", e);
    }
  }
}
