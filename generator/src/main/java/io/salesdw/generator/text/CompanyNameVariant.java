package io.salesdw.generator.text;

import java.util.Locale;

/**
 * The ways one company's name is written across systems: the registered name and the shortenings,
 * reorderings, romanisations and width mix-ups seen in CRM entry, ERP master data and chat
 * profiles.
 */
public enum CompanyNameVariant {
  /** The registered name: 上海华泰医疗器械有限公司. */
  CANONICAL,
  /** City, brand and a short industry word: 上海华泰医疗. */
  SHORT,
  /** Without the city prefix: 华泰医疗器械有限公司. */
  NO_CITY,
  /** City moved into full-width brackets: 华泰医疗器械（上海）有限公司. */
  CITY_IN_BRACKETS,
  /** The same with ASCII brackets: 华泰医疗器械(上海)有限公司. */
  HALF_WIDTH_BRACKETS,
  /** Without the legal suffix: 上海华泰医疗器械. */
  NO_SUFFIX,
  /** A space typed between city and the rest: 上海 华泰医疗器械有限公司. */
  SPACED,
  /** Pinyin: Shanghai Huatai Yiliao Qixie Youxian Gongsi. */
  PINYIN,
  /** English: Shanghai Huatai Medical Equipment Co., Ltd. */
  ENGLISH,
  /** The English name typed in full-width characters. */
  FULL_WIDTH_LATIN;

  /** The snake_case name used in ground-truth files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
