package dev.meshctl.dsl.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long loading and validating generated specs of growing size takes (median wall
 * and CPU time of 31 runs after 2 s of warm-up per size). Run from the repository root:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -pl dsl-schema -Dmdep.outputFile=/tmp/cp.txt
 * java -cp dsl-schema/target/test-classes:dsl-schema/target/classes:$(cat /tmp/cp.txt) \
 *     dev.meshctl.dsl.load.LoadBenchmark
 * </pre>
 */
public final class LoadBenchmark {
  // CPU time of this thread is the fairer figure on a machine busy with other work.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
      long[] wall = new long[31];
      long[] cpu = new long[31];
      for (int i = 0; i < wall.length; i++) {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        SpecLoader.loadString(text, "large.yaml", dir, options);
        cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
        wall[i] = System.nanoTime() - start;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          "load+validate %5d controllers (%7d bytes): median %8.2f ms wall, %8.2f ms CPU%n",
          n, text.length(), wall[wall.length / 2] / 1e6, cpu[cpu.length / 2] / 1e6);
    }
    Files.delete(dir.resolve("license.txt"));
    Files.delete(dir);
  }
}
