package io.salesdw.transforms.ltv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTransactionCsv {
  private static final TransactionCsv.Columns COLUMNS =
      new TransactionCsv.Columns("customer_id", "order_date", "total");

  @Test
  void readsTheNamedColumnsInFileOrder(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            "order_id,customer_id,order_date,total\n"
                + "1,c-1,2024-01-05,12.50\n"
                + "2,\"c,2\",2024-02-29, 7\n"
                + "\n"
                + "3,c-1,2024-03-01,-2.25\n");

    assertThat(TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .containsExactly(
            new CustomerTransaction("c-1", LocalDate.of(2024, 1, 5), 12.50),
            new CustomerTransaction("c,2", LocalDate.of(2024, 2, 29), 7.0),
            new CustomerTransaction("c-1", LocalDate.of(2024, 3, 1), -2.25));
  }

  @Test
  void readsCompactDates(@TempDir Path dir) throws IOException {
    Path file = write(dir, "customer_id,order_date,total\nc-1,19970101,11.77\n");

    assertThat(TransactionCsv.read(file, COLUMNS, "yyyyMMdd"))
        .containsExactly(new CustomerTransaction("c-1", LocalDate.of(1997, 1, 1), 11.77));
  }

  @Test
  void namesTheFileRowLineAndColumnOfABadDate(@TempDir Path dir) throws IOException {
    // Row 2 is on line 4: the header is line 1 and line 3 is blank. 30 February does not exist,
    // and strict parsing must not roll it over to March.
    Path file =
        write(
            dir,
            "customer_id,order_date,total\n"
                + "c-1,2024-01-05,12.50\n"
                + "\n"
                + "c-2,2024-02-30,3.00\n");

    assertThatThrownBy(() -> TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith(file + " row 2 (line 4), column 'order_date'")
        .hasMessageContaining("'2024-02-30' is not a date in the format yyyy-MM-dd")
        .extracting(e -> ((SalesdwException) e).kind())
        .isEqualTo(ErrorKind.USER_ERROR);
  }

  @Test
  void namesTheRowAndColumnOfABadAmount(@TempDir Path dir) throws IOException {
    Path file = write(dir, "customer_id,order_date,total\nc-1,2024-01-05,$12.50\n");

    assertThatThrownBy(() -> TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith(file + " row 1 (line 2), column 'total': '$12.50' is not a number");
  }

  @Test
  void namesAMissingValue(@TempDir Path dir) throws IOException {
    Path file = write(dir, "customer_id,order_date,total\n,2024-01-05,1\n");

    assertThatThrownBy(() -> TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith(
            file + " row 1 (line 2), column 'customer_id': the value is missing");
  }

  @Test
  void listsTheHeaderWhenAColumnIsUnknown(@TempDir Path dir) throws IOException {
    Path file = write(dir, "customer,order_date,total\nc-1,2024-01-05,1\n");

    assertThatThrownBy(() -> TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("has no column 'customer_id' (the customer column)")
        .hasMessageContaining("its header has: customer, order_date, total");
  }

  @Test
  void refusesAFileWithoutTransactions(@TempDir Path dir) throws IOException {
    Path file = write(dir, "customer_id,order_date,total\n");

    assertThatThrownBy(() -> TransactionCsv.read(file, COLUMNS, "yyyy-MM-dd"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("has a header but no transactions");
  }

  @Test
  void refusesAnInvalidDatePattern() {
    assertThatThrownBy(() -> TransactionCsv.strictFormatter("yyyy-MM-dd{"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining("'yyyy-MM-dd{' is not a date pattern");
  }

  private static Path write(Path dir, String content) throws IOException {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
