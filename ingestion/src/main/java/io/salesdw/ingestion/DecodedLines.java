package io.salesdw.ingestion;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The physical lines of a file, each decoded strictly: a line with bytes that are not valid in the
 * file's encoding is kept (decoded with replacement characters, for the quarantine's payload) and
 * marked with the reason, so that only the records touching it are quarantined, never the file, and
 * nothing is silently replaced. Lines end at LF; a CR before it is dropped.
 */
final class DecodedLines {
  private final byte[] bytes;
  private final List<Line> lines;

  /** One physical line: its bytes {@code [start, end)} and decoded text. */
  record Line(int start, int end, String text, Optional<String> decodeError) {}

  private DecodedLines(byte[] bytes, List<Line> lines) {
    this.bytes = bytes;
    this.lines = lines;
  }

  static DecodedLines decode(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int newline = start;
      while (newline < bytes.length && bytes[newline] != '\n') {
        newline++;
      }
      int end = newline;
      if (end > start && bytes[end - 1] == '\r') {
        end--;
      }
      lines.add(decodeLine(bytes, start, end, lines.size() + 1, decoder, charset));
      start = newline + 1;
    }
    return new DecodedLines(bytes, List.copyOf(lines));
  }

  private static Line decodeLine(
      byte[] bytes, int start, int end, int lineNumber, CharsetDecoder decoder, Charset charset) {
    ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
    CharBuffer out =
        CharBuffer.allocate(
            (int) Math.ceil((end - start) * (double) decoder.maxCharsPerByte()) + 4);
    decoder.reset();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position() - start;
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < result.length() && in.position() + i < end; i++) {
        hex.append(hex.length() == 0 ? "" : " ")
            .append(String.format(Locale.ROOT, "0x%02X", bytes[in.position() + i] & 0xff));
      }
      String reason =
          String.format(
              Locale.ROOT,
              "undecodable text: byte(s) %s at line %d, byte %d are not valid %s; check the"
                  + " mapping's 'encoding' or fix the export",
              hex,
              lineNumber,
              offset + 1,
              charset.name());
      return new Line(
          start, end, new String(bytes, start, end - start, charset), Optional.of(reason));
    }
    out.flip();
    return new Line(start, end, out.toString(), Optional.empty());
  }

  int size() {
    return lines.size();
  }

  /** Line {@code number}, counted from 1. */
  Line line(int number) {
    return lines.get(number - 1);
  }

  /** The decoded text of lines {@code first..last} (from 1, inclusive), joined by LF. */
  String text(int first, int last) {
    StringBuilder text = new StringBuilder();
    for (int number = first; number <= last; number++) {
      if (number > first) {
        text.append('\n');
      }
      text.append(line(number).text());
    }
    return text.toString();
  }

  /** The exact bytes of lines {@code first..last}, with the line ends between them. */
  byte[] bytes(int first, int last) {
    int start = line(first).start();
    int end = line(last).end();
    byte[] slice = new byte[end - start];
    System.arraycopy(bytes, start, slice, 0, slice.length);
    return slice;
  }

  /** The first decoding error among lines {@code first..last}. */
  Optional<String> decodeError(int first, int last) {
    for (int number = first; number <= last; number++) {
      if (line(number).decodeError().isPresent()) {
        return line(number).decodeError();
      }
    }
    return Optional.empty();
  }
}
