package io.salesdw.reports.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** The language of a health pack's labels: Chinese (the default) or English. */
public enum Language {
  ZH("zh"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The code used on the command line and in the HTML {@code lang} attribute. */
  public String code() {
    return code;
  }

  /** The language of a code ({@code zh} or {@code en}, any case). */
  public static Language ofCode(String code) {
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code.trim())) {
        return language;
      }
    }
    throw new IllegalArgumentException("unknown language '" + code + "': use zh or en");
  }

  /** The labels of this language, read from {@code labels_<code>.properties} (UTF-8). */
  Properties labels() {
    Properties labels = new Properties();
    String resource = "labels_" + code.toLowerCase(Locale.ROOT) + ".properties";
    try (InputStream in = Language.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels;
  }
}
