package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Errors and warnings reach the terminal through the views only: no source writes its own {@code
 * meshctl: error:}. Beside {@link JsonDiagnosticsTest}, which shows the views do print them.
 */
class OnePlaceForErrorsTest {
  /** A string literal that starts a problem line by hand, as 18 places once did. */
  private static final Pattern HAND_MADE = Pattern.compile("\"meshctl: (error|warning)");

  @Test
  void noMainSourcePrintsItsOwnErrorLine() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> HAND_MADE.matcher(read(p)).find())
              .map(p -> root.relativize(p).toString())
              .sorted()
              .toList();
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theHumanViewIsWhereTheProgramNameIsPutBeforeAProblem() throws IOException {
    Path view = Path.of("src/main/java/dev/meshctl/cli/views/HumanView.java");
    assertTrue(read(view).contains("PROGRAM = \"meshctl: \""), "the one place moved: update this test");
    CommandRun r = CommandRun.of("fmt", "no-such-spec.yaml");
    assertEquals("meshctl: error: cannot read no-such-spec.yaml: no such file\n", r.err());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
