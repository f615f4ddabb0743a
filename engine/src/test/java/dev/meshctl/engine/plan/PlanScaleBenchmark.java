package dev.meshctl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.engine.desired.DesiredMesh;
import dev.meshctl.engine.desired.MeshExpander;
import dev.meshctl.engine.diff.MeshDiff;
import dev.meshctl.engine.diff.MeshDiffer;
import dev.meshctl.engine.diff.MeshFixtures;
import dev.meshctl.engine.live.MeshState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How expand + diff + plan scale with the mesh: CPU time of the calling thread and of the whole
 * JVM (reads excluded: the live state is built beforehand), wall time and peak heap, for full meshes of 4 to 100 controllers,
 * against a fresh mesh (every action planned) and a converged one (nothing to do). Prints
 * figures; asserts only the sizes of what it built.
 *
 * <pre>mvn -o test -pl engine -Pbenchmark -Dtest=PlanScaleBenchmark -DargLine=-Xmx512m \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class PlanScaleBenchmark {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  // Every thread of the JVM (GC and JIT included), as an upper bound of the work done.
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void expandDiffAndPlanFullMeshes() {
    System.out.printf("%-5s %-9s %8s %8s %8s %10s %12s %10s %12s%n",
        "N", "state", "links", "routes", "actions", "cpu ms", "process ms", "wall ms", "peak heap MB");
    for (int n : new int[] {4, 16, 64, 100}) {
      MeshSpec spec = MeshFixtures.spec(n);
      DesiredMesh forState = MeshExpander.expand(spec);
      for (String kind : new String[] {"fresh", "converged"}) {
        MeshState live = kind.equals("fresh") ? MeshFixtures.fresh(forState) : MeshFixtures.converged(forState);
        // One unmeasured round so the figures are not class loading and JIT warm-up.
        run(spec, live);
        System.gc();
        resetPeaks();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long process0 = PROCESS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Result r = run(spec, live);
        long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
        long process = PROCESS.getProcessCpuTime() - process0;
        long wall = System.nanoTime() - wall0;
        long peak = peakHeap();
        int links = n * (n - 1);
        System.out.printf("%-5d %-9s %8d %8d %8d %10.0f %12.0f %10.0f %12.0f%n",
            n, kind, links, r.routes, r.plan.order().size(), cpu / 1e6, process / 1e6, wall / 1e6,
            peak / 1048576.0);
        assertEquals(links, r.peers);
        if (kind.equals("converged")) {
          assertEquals(0, r.plan.order().size());
        }
      }
    }
  }

  private record Result(int peers, int routes, Plan plan) {}

  private static Result run(MeshSpec spec, MeshState live) {
    DesiredMesh mesh = MeshExpander.expand(spec);
    MeshDiff diff = MeshDiffer.diff(mesh, live);
    Plan plan = PlanBuilder.build(mesh, diff, live);
    int peers = mesh.controllers().values().stream().mapToInt(c -> c.peers().size()).sum();
    int routes = mesh.controllers().values().stream().mapToInt(c -> c.routes().size()).sum();
    return new Result(peers, routes, plan);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at once. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
