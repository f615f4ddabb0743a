package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root controller replaced by a fresh instance, through the real CLI against four simulated
 * controllers: {@code plan}, {@code apply} and {@code diff} judge it as {@code reconcile} does. The
 * root downloads the topology's keyset from a healthy controller; nobody is told to relaunch the
 * three healthy ones; apply verifies only what {@code diff} then calls "No changes".
 */
class ReplacedRootIT {
  private static final String PASSWORD = "replaced-root-pw-7";

  @TempDir Path dir;
  private Vertx vertx;
  private Simulator sim;
  private Path spec;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    SimulatorConfig config =
        SimulatorConfig.sequential(4, "127.0.0.1", 0)
            .withTls(false)
            .withApiPassword(PASSWORD)
            .withTimings(SimTimings.FAST)
            .withAdminPort(-1);
    sim = await(Simulator.start(vertx, config));
    Files.writeString(dir.resolve("license.txt"), SimLicense.issue(4).text());
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    Files.writeString(dir.resolve("token"), "replaced-root-token-7\n");
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: replaced-root}\n");
    y.append("defaults:\n  api: {username: api, password: '${file:password}', tls: {allow_plain_http: true}}\n");
    y.append("license: {file: ./license.txt, parameters: {default: true}}\n");
    y.append("keyset: {token: '${file:token}'}\nroot: ctl1\ncontrollers:\n");
    for (SimulatedController c : sim.controllers()) {
      y.append("  - {name: ").append(c.name()).append(", endpoint: 'http://127.0.0.1:").append(c.port())
          .append("', private_ip: ").append(c.privateIp()).append(", subnet: ").append(c.subnet()).append("}\n");
    }
    y.append("peering: {mode: full_mesh, address: private_ip}\n");
    y.append("execution: {reboot_timeout: 20s, keyset_timeout: 20s}\n");
    spec = Files.writeString(dir.resolve("mesh.yaml"), y);
  }

  @AfterEach
  void stop() throws Exception {
    await(sim.close());
    await(vertx.close());
  }

  @Test
  void applyRepairsAWipedRootFromAHealthyControllersKeysetAndDiffAgreesItIsDone() throws Exception {
    CommandRun built = meshctl("apply", "--auto-approve", "--waits", "simulated", "--no-color", spec.toString());
    assertEquals(0, built.code(), built::toString);
    String checksum = checksum("ctl2");
    await(sim.controller("ctl1").wipe());

    CommandRun plan = meshctl("plan", "--no-color", "--detailed-exitcode", spec.toString());
    assertEquals(2, plan.code(), "changes to apply, nothing blocked: " + plan);
    assertTrue(plan.out().contains("controller[\"ctl1\"].keyset: fetch keyset"), plan::toString);
    assertNeverAdvisesRelaunching(plan);

    CommandRun repaired = meshctl("apply", "--auto-approve", "--waits", "simulated", "--no-color", spec.toString());
    assertEquals(0, repaired.code(), repaired::toString);
    assertTrue(repaired.out().contains("Verified: no differences remain"), repaired::toString);
    assertNeverAdvisesRelaunching(repaired);
    assertEquals(checksum, checksum("ctl1"), "the root has the topology's keyset back");

    // Verification and diff make one judgement: what apply verified, diff finds nothing in.
    CommandRun diff = meshctl("diff", "--no-color", "--detailed-exitcode", spec.toString());
    assertEquals(0, diff.code(), diff::toString);
    assertTrue(diff.out().contains("No changes"), diff::toString);
  }

  @Test
  void applyRepairsAWipedRootAndAReplacedControllerTogetherFromTheKeysetTheOthersHold() throws Exception {
    CommandRun built = meshctl("apply", "--auto-approve", "--waits", "simulated", "--no-color", spec.toString());
    assertEquals(0, built.code(), built::toString);
    String checksum = checksum("ctl4");
    await(sim.controller("ctl1").wipe());
    await(sim.controller("ctl3").wipe());

    CommandRun repaired = meshctl("apply", "--auto-approve", "--waits", "simulated", "--no-color", spec.toString());
    assertEquals(0, repaired.code(), repaired::toString);
    assertTrue(repaired.out().contains("Verified: no differences remain"), repaired::toString);
    assertNeverAdvisesRelaunching(repaired);
    assertEquals(checksum, checksum("ctl1"), "the root rejoined the topology");
    assertEquals(checksum, checksum("ctl3"), "the replaced controller rejoined the topology");

    CommandRun once = meshctl("reconcile", spec.toString(), "--waits", "simulated", "--once");
    assertEquals(0, once.code(), once::toString);
    assertTrue(once.out().contains("outcome=in_sync"), () -> "reconcile agrees nothing is left: " + once);
  }

  private static void assertNeverAdvisesRelaunching(CommandRun run) {
    String all = run.out() + run.err();
    assertFalse(all.contains("relaunch"), () -> "a replaced root is repaired, not a reason to relaunch others: " + run);
    assertFalse(all.contains("another topology"), run::toString);
  }

  private String checksum(String controller) throws Exception {
    return await(sim.controller(controller).state()).getJsonObject("keyset").getString("checksum");
  }

  private static CommandRun meshctl(String... args) {
    return CommandRun.of(args);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
