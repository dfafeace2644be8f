package io.salesdw.reports.pack;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CJK TrueType font the pack draws Chinese with: Debian's {@code fonts-droid-fallback}
 * (installed by {@code scripts/chromium}). The PDF embeds it; the charts draw with it.
 */
public final class PackFonts {
  /** Where Debian's fonts-droid-fallback puts the font. */
  public static final Path DEBIAN_CJK_FONT =
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

  /** The family name the PDF's CSS uses for the embedded font. */
  static final String PDF_FAMILY = "PackCJK";

  private PackFonts() {}

  /** The CJK font file, when it is installed. */
  public static Optional<Path> cjkFont() {
    return Files.isReadable(DEBIAN_CJK_FONT) ? Optional.of(DEBIAN_CJK_FONT) : Optional.empty();
  }

  /** The family charts draw text in: the CJK font's when installed, else Java's SansSerif. */
  static String chartFamily() {
    Optional<Path> file = cjkFont();
    if (file.isEmpty()) {
      return Font.SANS_SERIF;
    }
    try {
      Font font = Font.createFont(Font.TRUETYPE_FONT, file.get().toFile());
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
      return font.getFamily(java.util.Locale.ROOT);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("cannot read the CJK font " + file.get(), e);
    }
  }
}
