package io.salesdw.reports.superset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decodes Rison as Superset's server does (prison), for the stub: objects, lists, quoted and bare
 * strings, numbers, {@code !t}, {@code !f}, {@code !n}. Throws on anything else, so a malformed
 * {@code q=} fails the request.
 */
final class RisonParser {
  private static final String NOT_ID_CHARS = " '!:(),*@$";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int at;

  private RisonParser(String text) {
    this.text = text;
  }

  static JsonNode parse(String text) {
    RisonParser parser = new RisonParser(text);
    JsonNode value = parser.value();
    if (parser.at != text.length()) {
      throw new IllegalArgumentException("trailing text at " + parser.at + " in " + text);
    }
    return value;
  }

  private JsonNode value() {
    if (at >= text.length()) {
      throw new IllegalArgumentException("unexpected end of " + text);
    }
    char c = text.charAt(at);
    if (c == '(') {
      at++;
      ObjectNode object = NODES.objectNode();
      while (peek() != ')') {
        if (!object.isEmpty()) {
          expect(',');
        }
        JsonNode key = value();
        if (!key.isTextual()) {
          throw new IllegalArgumentException("object key is not a string at " + at);
        }
        expect(':');
        object.set(key.asText(), value());
      }
      at++;
      return object;
    }
    if (c == '!') {
      at++;
      char kind = next();
      switch (kind) {
        case 't':
          return NODES.booleanNode(true);
        case 'f':
          return NODES.booleanNode(false);
        case 'n':
          return NODES.nullNode();
        case '(':
          ArrayNode array = NODES.arrayNode();
          while (peek() != ')') {
            if (!array.isEmpty()) {
              expect(',');
            }
            array.add(value());
          }
          at++;
          return array;
        default:
          throw new IllegalArgumentException("unknown !" + kind + " at " + at);
      }
    }
    if (c == '\'') {
      at++;
      StringBuilder string = new StringBuilder();
      while (true) {
        char s = next();
        if (s == '\'') {
          return NODES.textNode(string.toString());
        }
        if (s == '!') {
          char escaped = next();
          if (escaped != '!' && escaped != '\'') {
            throw new IllegalArgumentException("bad escape !" + escaped + " at " + at);
          }
          s = escaped;
        }
        string.append(s);
      }
    }
    if (c == '-' || Character.isDigit(c)) {
      int start = at;
      at++;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
        at++;
      }
      String number = text.substring(start, at);
      return number.contains(".")
          ? NODES.numberNode(Double.parseDouble(number))
          : longOrInt(Long.parseLong(number));
    }
    int start = at;
    while (at < text.length() && NOT_ID_CHARS.indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("unexpected '" + c + "' at " + at + " in " + text);
    }
    return NODES.textNode(text.substring(start, at));
  }

  private static JsonNode longOrInt(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private char peek() {
    if (at >= text.length()) {
      throw new IllegalArgumentException("unexpected end of " + text);
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1) + " in " + text);
    }
  }
}
