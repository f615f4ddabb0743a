package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/exit-codes.md's table and {@link ExitCodes} list the same codes under the same names. */
class ExitCodesDocTest {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*([A-Z_]+)\\s*\\|", Pattern.MULTILINE);

  @Test
  void tableMatchesTheCode() throws IOException, IllegalAccessException {
    Map<String, Integer> documented = new TreeMap<>();
    Matcher m = ROW.matcher(Files.readString(Path.of("..", "docs", "exit-codes.md")));
    while (m.find()) {
      documented.put(m.group(2), Integer.parseInt(m.group(1)));
    }
    Map<String, Integer> defined = new TreeMap<>();
    for (Field f : ExitCodes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        defined.put(f.getName(), f.getInt(null));
      }
    }
    assertEquals(defined, documented);
  }
}
