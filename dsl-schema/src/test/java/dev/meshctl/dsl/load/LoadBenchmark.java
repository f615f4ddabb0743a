package dev.meshctl.dsl.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long loading and validating generated specs of growing size takes (mean of 50 runs
 * after 20 warm-up runs). Run from the repository root:
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
      for (int i = 0; i < 20; i++) {
        if (!SpecLoader.loadString(text, "large.yaml", dir, options).ok()) {
          throw new IllegalStateException("generated spec is invalid");
        }
      }
      int runs = 50;
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        SpecLoader.loadString(text, "large.yaml", dir, options);
      }
      double ms = (System.nanoTime() - start) / 1e6 / runs;
      System.out.printf("load+validate %5d controllers (%7d bytes): %8.2f ms%n", n, text.length(), ms);
    }
    Files.delete(dir.resolve("license.txt"));
    Files.delete(dir);
  }
}
