package io.salesdw.generator.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.generator.GeneratedOrganisation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** crm/accounts.csv is written as Chinese Excel saves "CSV": GBK with CRLF line ends. */
class TestAccountsExport {
  @Test
  void accountsAreGbkWithCrlfLineEnds() throws Exception {
    byte[] bytes = Files.readAllBytes(GeneratedOrganisation.get().file("crm/accounts.csv"));

    assertThatThrownBy(
            () ->
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)))
        .isInstanceOf(CharacterCodingException.class);

    String text =
        Charset.forName("GBK")
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    assertThat(text).startsWith("account_id,account_name,unified_social_credit_code,");
    assertThat(text).contains("有限公司").containsPattern("[上北广深成武杭南]");

    int lines = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines++;
        assertThat(bytes[i - 1]).as("byte before LF at %d", i).isEqualTo((byte) '\r');
      }
    }
    assertThat(lines).isGreaterThan(100);
    assertThat(bytes[bytes.length - 2]).isEqualTo((byte) '\r');
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
  }
}
