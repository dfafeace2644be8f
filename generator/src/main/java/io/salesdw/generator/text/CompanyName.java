package io.salesdw.generator.text;

import static java.util.Objects.requireNonNull;

/**
 * A company's name as parts — city, brand core, industry word, legal suffix (or, for a hospital,
 * its type) — each with hand-written pinyin and English, so every {@link CompanyNameVariant} can be
 * rendered from the same parts.
 */
public record CompanyName(
    City city, NamePart core, NamePart industry, NamePart suffix, boolean hospital) {
  public CompanyName {
    requireNonNull(city, "city is null");
    requireNonNull(core, "core is null");
    requireNonNull(industry, "industry is null");
    requireNonNull(suffix, "suffix is null");
  }

  /** The registered name. */
  public String canonical() {
    return render(CompanyNameVariant.CANONICAL);
  }

  /** The name written in the given variant. */
  public String render(CompanyNameVariant variant) {
    return hospital ? renderHospital(variant) : renderCompany(variant);
  }

  private String renderCompany(CompanyNameVariant variant) {
    String city = this.city.name();
    String body = core.chinese() + industry.chinese();
    return switch (variant) {
      case CANONICAL -> city + body + suffix.chinese();
      case SHORT -> city + core.chinese() + industry.shortChinese();
      case NO_CITY -> body + suffix.chinese();
      case CITY_IN_BRACKETS -> body + "（" + city + "）" + suffix.chinese();
      case HALF_WIDTH_BRACKETS -> body + "(" + city + ")" + suffix.chinese();
      case NO_SUFFIX -> city + body;
      case SPACED -> city + " " + body + suffix.chinese();
      case PINYIN ->
          this.city.pinyin()
              + " "
              + core.pinyin()
              + " "
              + industry.pinyin()
              + " "
              + suffix.pinyin();
      case ENGLISH -> english();
      case FULL_WIDTH_LATIN -> FullWidth.of(english());
    };
  }

  private String english() {
    return city.pinyin() + " " + core.pinyin() + " " + industry.english() + " " + suffix.english();
  }

  /**
   * Hospitals have no legal suffix: the city and the hospital's type (here {@code industry}, with
   * {@code core} set only for hospitals named after a brand) make the name.
   */
  private String renderHospital(CompanyNameVariant variant) {
    String city = this.city.name();
    String type = core.chinese() + industry.chinese();
    String english =
        this.city.pinyin()
            + (core.pinyin().isEmpty() ? "" : " " + core.pinyin())
            + " "
            + industry.english();
    return switch (variant) {
      case CANONICAL -> city + "市" + type;
      case SHORT -> city + core.chinese() + industry.shortChinese();
      case NO_CITY -> type;
      case CITY_IN_BRACKETS, HALF_WIDTH_BRACKETS, NO_SUFFIX -> city + type;
      case SPACED -> city + "市 " + type;
      case PINYIN ->
          this.city.pinyin()
              + " Shi"
              + (core.pinyin().isEmpty() ? "" : " " + core.pinyin())
              + " "
              + industry.pinyin();
      case ENGLISH -> english;
      case FULL_WIDTH_LATIN -> FullWidth.of(english);
    };
  }
}
