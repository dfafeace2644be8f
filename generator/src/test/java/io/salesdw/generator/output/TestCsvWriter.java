package io.salesdw.generator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCsvWriter {
  @TempDir Path temp;

  @Test
  void quotesOnlyWhenNeededAndReadsBackWithCommonsCsv() throws Exception {
    Path file = temp.resolve("sub/notes.csv");
    String[] tricky = {"plain", "a,b", "say \"hi\"", "two\nlines", "", "客户说\"预算已批\"，下周能定"};
    try (CsvWriter out =
        new CsvWriter(file, StandardCharsets.UTF_8, "\n", List.of("a", "b", "c", "d", "e", "f"))) {
      out.row(tricky);
      out.row("1", "2", "3", "4", null, "6");
      assertThat(out.finish()).isEqualTo(2);
    }
    String text = Files.readString(file);
    assertThat(text)
        .isEqualTo(
            "a,b,c,d,e,f\nplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"客户说\"\"预算已批\"\"，下周能定\"\n1,2,3,4,,6\n");
    try (Reader reader = Files.newBufferedReader(file)) {
      List<CSVRecord> records =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
      assertThat(records.get(0).values()).containsExactly(tricky);
    }
  }

  @Test
  void refusesCharactersTheCharsetCannotEncode() {
    Path file = temp.resolve("gbk.csv");
    assertThatThrownBy(
            () -> {
              try (CsvWriter out =
                  new CsvWriter(file, Charset.forName("GBK"), "\r\n", List.of("name"))) {
                out.row("emoji \uD83D\uDE00");
              }
            })
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith("Cannot write generator output " + file);
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    Path file = temp.resolve("wide.csv");
    try (CsvWriter out = new CsvWriter(file, StandardCharsets.UTF_8, "\n", List.of("a", "b"))) {
      assertThatThrownBy(() -> out.row("1", "2", "3"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("expected 2 fields for wide.csv, got 3");
    }
  }
}
