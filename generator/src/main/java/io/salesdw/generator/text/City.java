package io.salesdw.generator.text;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A city where the organisation sells: its Chinese name and pinyin, sales region, telephone area
 * code, administrative division code (the first six digits of local credit codes), centre
 * coordinates for visit check-ins, and a few districts for addresses.
 */
public record City(
    String name,
    String pinyin,
    String regionName,
    String areaCode,
    String divisionCode,
    double latitude,
    double longitude,
    List<String> districts) {
  public City {
    requireNonNull(name, "name is null");
    requireNonNull(pinyin, "pinyin is null");
    requireNonNull(regionName, "regionName is null");
    requireNonNull(areaCode, "areaCode is null");
    requireNonNull(divisionCode, "divisionCode is null");
    if (divisionCode.length() != 6) {
      throw new IllegalArgumentException("divisionCode must have 6 digits: " + divisionCode);
    }
    districts = List.copyOf(districts);
    if (districts.isEmpty()) {
      throw new IllegalArgumentException("districts is empty for " + name);
    }
  }
}
