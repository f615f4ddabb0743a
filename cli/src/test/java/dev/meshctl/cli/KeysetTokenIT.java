package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyset token other than the one the topology was made with, as a new shell's {@code openssl
 * rand} gives: diff and plan say they cannot check it, and an apply that makes a wiped controller
 * download its keyset stops as soon as the root refuses, saying what to check.
 */
class KeysetTokenIT {
  @TempDir Path dir;

  @Test
  void anotherTokenIsNotedByDiffAndTheRefusedDownloadStopsApplyAtOnce() throws Exception {
    try (LocalMesh mesh = LocalMesh.start(dir)) {
      MeshctlProcess made = new MeshctlProcess(dir, LocalMesh.env());
      CommandRun first = made.run("apply", "--auto-approve", "--waits", "simulated", mesh.spec().toString());
      assertEquals(0, first.code(), first::toString);
      // The keysets exist, so the note is due, once, however many controllers hold one.
      CommandRun same = made.run("diff", mesh.spec().toString());
      assertEquals(1, same.err().split(java.util.regex.Pattern.quote(KeysetTokenNote.TEXT), -1).length - 1, same::toString);

      Map<String, String> env = new HashMap<>(LocalMesh.env());
      env.put("MESHCTL_KEYSET_TOKEN", "a-token-from-a-new-shell-0000");
      MeshctlProcess other = new MeshctlProcess(dir, env);
      CommandRun diff = other.run("diff", mesh.spec().toString());
      assertEquals(0, diff.code(), diff::toString);
      assertTrue(diff.out().contains("No changes"), diff::toString);
      assertTrue(diff.err().contains(KeysetTokenNote.TEXT), diff::toString);

      LocalMesh.await(mesh.simulator().controller("east-1b").wipe());
      long start = System.nanoTime();
      CommandRun apply = other.run("apply", "--auto-approve", "--waits", "simulated", mesh.spec().toString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(1, apply.code(), apply::toString);
      // Stopped at the first refused download, not after the spec's 4 min keyset timeout.
      assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "apply took " + took);
      assertTrue(
          apply.out().matches(
              "(?s).*controller\\[\"east-1b\"\\]\\.keyset \\(fetch_keyset\\): FAILED after [^:]+: controller \"east-1b\": keyset download:"
                  + " the root at 10\\.0\\.1\\.10 refused the keyset download or could not be reached: the keyset job"
                  + " started at \\d+ stopped without a keyset \\(last poll: in_progress false, keyset_present false\\)"
                  + " after \\d+(\\.\\d)?m?s\\. Does the keyset token match the one the topology was made with.*"),
          apply::toString);
      assertFalse(apply.out().contains("a-token-from-a-new-shell"), "the token is never printed");
    }
  }
}
