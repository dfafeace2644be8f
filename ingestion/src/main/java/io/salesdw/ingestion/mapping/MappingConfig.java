package io.salesdw.ingestion.mapping;

import java.util.List;
import java.util.Map;

/**
 * The YAML form of a mapping file, bound strictly (unknown keys fail). Absent keys are null here;
 * {@link SourceMapping#parse} applies the defaults of {@link SourceMapping} and validates the whole
 * file against the contracts.
 */
record MappingConfig(
    String source,
    String description,
    String encoding,
    String delimiter,
    String timeZone,
    String timestampFormat,
    String dateFormat,
    List<String> trueValues,
    List<String> falseValues,
    List<String> nullValues,
    List<String> ignoreFiles,
    List<FileConfig> files) {

  /** One kind of file in the export; its keys override the source-level defaults. */
  record FileConfig(
      String entity,
      String pattern,
      String format,
      String encoding,
      String delimiter,
      String timeZone,
      String timestampFormat,
      String dateFormat,
      List<String> trueValues,
      List<String> falseValues,
      List<String> nullValues,
      Map<String, String> columns,
      Map<String, String> formats,
      Map<String, Map<String, String>> values,
      List<String> absentColumns) {}
}
