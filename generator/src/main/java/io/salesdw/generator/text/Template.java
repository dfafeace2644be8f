package io.salesdw.generator.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A phrase with named slots ({@code {customer}}, {@code {competitor}} …), split once into literal
 * pieces and slots so that filling it in the hot loop is a few appends.
 */
public final class Template {
  private final String[] literals;
  private final Slot[] slots;

  private Template(String[] literals, Slot[] slots) {
    this.literals = literals;
    this.slots = slots;
  }

  /** Parses {@code text}; every {@code {name}} must name a {@link Slot}. */
  public static Template of(String text) {
    List<String> literals = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    int position = 0;
    while (true) {
      int open = text.indexOf('{', position);
      if (open < 0) {
        literals.add(text.substring(position));
        break;
      }
      int close = text.indexOf('}', open);
      literals.add(text.substring(position, open));
      slots.add(Slot.named(text.substring(open + 1, close)));
      position = close + 1;
    }
    return new Template(literals.toArray(new String[0]), slots.toArray(new Slot[0]));
  }

  /** Appends the phrase with each slot filled from {@code values}, indexed by slot ordinal. */
  public StringBuilder appendTo(StringBuilder out, String[] values) {
    for (int i = 0; i < slots.length; i++) {
      out.append(literals[i]).append(values[slots[i].ordinal()]);
    }
    return out.append(literals[slots.length]);
  }

  /** The phrase filled in. */
  public String fill(String[] values) {
    return appendTo(new StringBuilder(48), values).toString();
  }

  /** Length of the literal text alone (slots excluded). */
  public int literalLength() {
    int length = 0;
    for (String literal : literals) {
      length += literal.length();
    }
    return length;
  }

  /** The slots a phrase may use. */
  public enum Slot {
    CUSTOMER,
    REP,
    COMPANY,
    PRODUCT,
    COMPETITOR,
    CITY,
    DAY,
    TIME,
    INDUSTRY;

    static Slot named(String name) {
      for (Slot slot : values()) {
        if (slot.name().equalsIgnoreCase(name)) {
          return slot;
        }
      }
      throw new IllegalArgumentException("unknown slot {" + name + "}");
    }
  }
}
