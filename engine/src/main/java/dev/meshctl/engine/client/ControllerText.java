package dev.meshctl.engine.client;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes text a controller wrote (an error message) safe to print: a hostile or broken controller
 * could send terminal escape sequences (clear the screen, retitle the window), a 100 KB page, or
 * echo the credentials it was sent. Pure function; applied before the text enters a {@link
 * Vns3Error}.
 */
final class ControllerText {
  /** The most characters of a controller's message kept; a real VNS3 message is one sentence. */
  static final int MAX_CHARS = 300;

  static final String MASK = "***";

  private ControllerText() {}

  /**
   * {@code raw} with every secret in {@code secrets} replaced by {@value #MASK}, control
   * characters shown as escapes ({@code \e}, {@code \n}, {@code \u0007}), and cut to {@value
   * #MAX_CHARS} characters with a note of how many were cut.
   */
  static String clean(String raw, Collection<String> secrets) {
    String masked = raw;
    // Longest first, so that a secret containing another is masked whole.
    List<String> bySize =
        secrets.stream().filter(s -> s != null && s.length() >= 3).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String s : bySize) {
      masked = masked.replace(s, MASK);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < masked.length() && out.length() < MAX_CHARS) {
      int cp = masked.codePointAt(i);
      out.append(visible(cp));
      i += Character.charCount(cp);
    }
    if (i < masked.length()) {
      out.append(String.format(Locale.ROOT, "… (%d more characters cut)", masked.codePointCount(i, masked.length())));
    }
    return out.toString();
  }

  private static String visible(int cp) {
    if (cp == 0x1b) {
      return "\\e";
    }
    if (cp == '\n') {
      return "\\n";
    }
    if (cp == '\r') {
      return "\\r";
    }
    if (cp == '\t') {
      return "\\t";
    }
    int type = Character.getType(cp);
    // C0/C1 controls, and format characters such as bidi overrides that reorder what is shown.
    if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      return cp <= 0xffff ? String.format(Locale.ROOT, "\\u%04x", cp) : String.format(Locale.ROOT, "\\U%08x", cp);
    }
    return new String(Character.toChars(cp));
  }
}
