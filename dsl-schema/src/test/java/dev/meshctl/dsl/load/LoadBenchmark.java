package dev.meshctl.dsl.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long loading and validating generated specs of growing size takes (median and
 * minimum of 31 runs after 2 s of warm-up per size). Run from the repository root:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -pl dsl-schema -Dmdep.outputFile=/tmp/cp.txt
 * java -cp dsl-schema/target/test-classes:dsl-schema/target/classes:$(cat /tmp/cp.txt) \
 *     dev.meshctl.dsl.load.LoadBenchmark
 * </pre>
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("meshctl-bench");
    Files.writeString(dir.resolve("license.txt"), "LICENSE\n");
    LoadOptions options = new LoadOptions(Map.of("PW", "pw"), Optional.empty());
    for (int n : new int[] {4, 100, 250, 500, 1000}) {
      String text = LargeSpecs.mesh(n);
      long warmUntil = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < warmUntil) {
        if (!SpecLoader.loadString(text, "large.yaml", dir, options).ok()) {
          throw new IllegalStateException("generated spec is invalid");
        }
      }
      long[] runs = new long[31];
      for (int i = 0; i < runs.length; i++) {
        long start = System.nanoTime();
        SpecLoader.loadString(text, "large.yaml", dir, options);
        runs[i] = System.nanoTime() - start;
      }
      java.util.Arrays.sort(runs);
      System.out.printf(
          "load+validate %5d controllers (%7d bytes): median %8.2f ms, min %8.2f ms%n",
          n, text.length(), runs[runs.length / 2] / 1e6, runs[0] / 1e6);
    }
    Files.delete(dir.resolve("license.txt"));
    Files.delete(dir);
  }
}
