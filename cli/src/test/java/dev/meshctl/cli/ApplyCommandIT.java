package dev.meshctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import dev.meshctl.simulator.license.SimLicense;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.SpecLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshctl apply}, {@code unlock} and {@code demo} in-process against simulated controllers. */
class ApplyCommandIT {
  private static final String PASSWORD = "apply-it-password";
  private static final String TOKEN = "apply-it-keyset-token";

  @TempDir Path dir;
  private Vertx vertx;
  private Simulator sim;
  private Path spec;
  private String licenseText;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    sim =
        await(
            Simulator.start(
                vertx,
                SimulatorConfig.sequential(3, "127.0.0.1", 0)
                    .withTls(false)
                    .withApiPassword(PASSWORD)
                    .withTimings(SimTimings.FAST)
                    .withAdminPort(-1)));
    licenseText = SimLicense.issue(3).text();
    Files.writeString(dir.resolve("license.txt"), licenseText);
    Files.writeString(dir.resolve("password.txt"), PASSWORD);
    Files.writeString(dir.resolve("token.txt"), TOKEN);
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: meshctl/v1
            kind: Mesh
            metadata:
              name: apply-it
            defaults:
              api:
                username: api
                password: ${file:./password.txt}
                connect_timeout: 2s
                request_timeout: 5s
                tls: {allow_plain_http: true}
            license:
              file: ./license.txt
              parameters: {default: true}
            keyset:
              token: ${file:./token.txt}
            root: ctl1
            controllers:
            """);
    for (SimulatedController c : sim.controllers()) {
      yaml.append("  - name: ").append(c.name()).append('\n')
          .append("    endpoint: http://127.0.0.1:").append(c.port()).append('\n')
          .append("    private_ip: ").append(c.privateIp()).append('\n')
          .append("    subnet: ").append(c.subnet()).append('\n');
    }
    yaml.append(
        """
        peering:
          mode: full_mesh
          address: private_ip
        routes:
          peer_routes: true
          advertise_subnets: true
        execution:
          parallelism: 10
          reboot_timeout: 20s
          keyset_timeout: 20s
        """);
    spec = Files.writeString(dir.resolve("mesh.yaml"), yaml);
    var loaded = SpecLoader.load(spec, LoadOptions.defaults());
    assertTrue(loaded.ok(), () -> loaded.diagnostics().toString());
  }

  @AfterEach
  void stop() throws Exception {
    await(sim.close());
    await(vertx.close());
  }

  private CommandRun apply(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "apply";
    args[1] = "--waits";
    args[2] = "simulated";
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = spec.toString();
    return CommandRun.of(args);
  }

  private long writes() {
    return sim.controllers().stream().mapToLong(c -> c.requestCounts().writes()).sum();
  }

  private void assertNoSecret(CommandRun run) {
    for (String secret : List.of(PASSWORD, TOKEN, licenseText.lines().skip(1).findFirst().orElseThrow())) {
      assertFalse(run.out().contains(secret) || run.err().contains(secret), "a secret was printed");
    }
  }

  @Test
  void appliesAFreshMeshVerifiesItAndASecondApplyChangesNothing() {
    CommandRun first = apply("--auto-approve", "--no-color");
    assertEquals(0, first.code(), first::toString);
    assertTrue(first.out().contains("controller[\"ctl2\"].keyset (fetch_keyset): done after"), first::toString);
    assertTrue(first.out().contains("Verified: no differences remain; every peer link reports reachable."));
    assertTrue(first.out().contains("Apply complete"));
    assertNoSecret(first);

    sim.controllers().forEach(SimulatedController::resetRequestCounts);
    CommandRun second = apply("--auto-approve");
    assertEquals(0, second.code(), second::toString);
    assertTrue(second.out().contains("No changes."), second::toString);
    assertEquals(0, writes(), "a converged mesh gets no write request");
  }

  @Test
  void withoutATerminalItRefusesToApplyUnconfirmed() {
    CommandRun run = apply();
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.err().contains("run with --auto-approve"), run::toString);
    assertTrue(run.out().contains("Apply cancelled: nothing was changed."), run::toString);
    // No controller was changed: the one write request is the lock's claim, which the unlicensed
    // root refuses (403) since it keeps no variables before its license.
    assertEquals(1, sim.controller("ctl1").requestCounts().writes(), run::toString);
    assertEquals(1, writes(), run::toString);
  }

  @Test
  void jsonGivesOneEventPerLine() {
    CommandRun run = apply("--auto-approve", "--json");
    assertEquals(0, run.code(), run::toString);
    List<JsonObject> all = run.out().lines().map(JsonObject::new).toList();
    // The spec's warnings, if it has any, come first, as diagnostic events.
    List<JsonObject> diagnostics = all.stream().filter(e -> "diagnostic".equals(e.getString("type"))).toList();
    assertTrue(diagnostics.stream().allMatch(e -> "warning".equals(e.getString("severity"))), diagnostics::toString);
    List<JsonObject> events = all.subList(diagnostics.size(), all.size());
    assertEquals("plan", events.get(0).getString("type"));
    assertTrue(events.stream().anyMatch(e -> "action_started".equals(e.getString("type"))));
    // The address is the resource alone; the action's type is a field of its own.
    List<JsonObject> actions =
        events.stream().filter(e -> e.getString("type").startsWith("action_")).toList();
    assertFalse(actions.isEmpty(), run::toString);
    for (JsonObject e : actions) {
      assertTrue(e.getString("address").matches("controller\\[\"[^\"]+\"\\][^ ]*"), e::encode);
      assertTrue(e.getString("action_type").matches("[a-z_]+"), e::encode);
    }
    assertTrue(
        actions.stream().anyMatch(e -> "create_peer".equals(e.getString("action_type"))),
        run::toString);
    JsonObject last = events.get(events.size() - 1);
    assertEquals("apply_finished", last.getString("type"));
    assertEquals("applied", last.getString("outcome"));
    assertTrue(last.getJsonObject("verification").getBoolean("converged"));
    assertNoSecret(run);
  }

  @Test
  void aSavedPlanRunsOnceAndIsRefusedWhenStale() {
    Path plan = dir.resolve("plan.json");
    CommandRun planned = CommandRun.of("plan", spec.toString(), "-out", plan.toString());
    assertTrue(planned.code() == 0 || planned.code() == 2, planned::toString);
    CommandRun applied = CommandRun.of("apply", "--waits", "simulated", "--auto-approve", plan.toString());
    assertEquals(0, applied.code(), applied::toString);
    assertTrue(applied.out().contains("Apply complete"), applied::toString);

    CommandRun stale = CommandRun.of("apply", "--waits", "simulated", "--auto-approve", plan.toString());
    assertEquals(1, stale.code(), stale::toString);
    assertTrue(
        stale.out().contains("the live state changed since the plan was made: controller ctl1, ctl2, ctl3; run plan again"),
        stale::toString);
  }

  private Path savePlan() {
    Path plan = dir.resolve("plan.json");
    CommandRun planned = CommandRun.of("plan", spec.toString(), "-out", plan.toString());
    assertTrue(planned.code() == 0 || planned.code() == 2, planned::toString);
    assertTrue(planned.err().contains("Saved the plan to " + plan), planned::toString);
    return plan;
  }

  private CommandRun applyPlan(Path plan) {
    return CommandRun.of("apply", "--waits", "simulated", "--auto-approve", "--no-color", plan.toString());
  }

  @Test
  void aSavedPlanWithAnActionAddedByHandIsRefusedNamingItAndNothingIsWritten() throws Exception {
    Path plan = savePlan();
    JsonObject json = new JsonObject(Files.readString(plan));
    json.getJsonArray("actions")
        .getList()
        .add(
            6,
            new JsonObject()
                .put("step", 7)
                .put("type", "create_route")
                .put("address", "controller[\"ctl1\"].route[\"0.0.0.0/1\"]")
                .put("controller", "ctl1")
                .put(
                    "parameters",
                    new JsonObject()
                        .put("cidr", "0.0.0.0/1")
                        .put("gateway", "203.0.113.66")
                        .put("advertise", true)
                        .put("metric", 0)
                        .put("description", "meshctl: extra"))
                .put("after", new io.vertx.core.json.JsonArray()));
    Files.writeString(plan, json.encodePrettily());
    sim.controllers().forEach(SimulatedController::resetRequestCounts);

    CommandRun run = applyPlan(plan);
    assertEquals(1, run.code(), run::toString);
    assertTrue(run.out().contains("Apply refused: nothing was changed."), run::toString);
    assertTrue(
        run.out()
            .contains(
                plan + ": action 7 differs from the plan the spec and live state give: create_route"
                    + " controller[\"ctl1\"].route[\"0.0.0.0/1\"] is not in it."),
        run::toString);
    assertEquals(0, writes(), "a tampered plan writes nothing, not even the lock");

    // A changed peer address is refused the same way, naming the field and both values.
    JsonObject again = new JsonObject(Files.readString(savePlan()));
    JsonObject peer =
        again.getJsonArray("actions").stream()
            .map(JsonObject.class::cast)
            .filter(a -> a.getString("type").equals("create_peer"))
            .findFirst()
            .orElseThrow();
    String address = peer.getJsonObject("parameters").getString("name");
    peer.getJsonObject("parameters").put("name", "203.0.113.66");
    Files.writeString(plan, again.encodePrettily());
    CommandRun changed = applyPlan(plan);
    assertEquals(1, changed.code(), changed::toString);
    assertTrue(
        changed.out().contains(": parameters.name is \"203.0.113.66\" in the file, \"" + address + "\" in the plan"),
        changed::toString);
    assertEquals(0, writes());
  }

  @Test
  void planFilesAreOwnerOnly() throws Exception {
    Path plan = savePlan();
    if (Files.getFileStore(plan).supportsFileAttributeView("posix")) {
      assertEquals(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(plan));
    }
  }

  @Test
  void aMissingPlanFileIsExplained() {
    CommandRun run = CommandRun.of("apply", "nope.json");
    assertEquals(1, run.code(), run::toString);
    assertEquals(
        "meshctl: error: nope.json: no such file (looked for "
            + Path.of("nope.json").toAbsolutePath()
            + "): give a plan saved by 'meshctl plan SPEC -out FILE', or a spec (YAML)\n",
        run.err());
  }

  @Test
  void aSavedPlanRecordsItsSpecAbsoluteAndAppliesFromAnotherFolder() throws Exception {
    // Planned with the spec's path relative to this process's folder, as a user types it.
    Path relative = Path.of("").toAbsolutePath().relativize(spec);
    Path plan = dir.resolve("plan.json");
    CommandRun planned = CommandRun.of("plan", relative.toString(), "-out", plan.toString());
    assertTrue(planned.code() == 0 || planned.code() == 2, planned::toString);
    assertEquals(spec.toString(), new JsonObject(Files.readString(plan)).getJsonObject("spec").getString("path"));

    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    CommandRun applied =
        new MeshctlProcess(elsewhere, java.util.Map.of())
            .run("apply", "--waits", "simulated", "--auto-approve", "--no-color", plan.toString());
    assertEquals(0, applied.code(), applied::toString);
    assertTrue(applied.out().contains("Apply complete"), applied::toString);
  }

  @Test
  void aPlanSavedWithARelativeSpecPathByAnEarlierBuildSaysWhereToRunIt() throws Exception {
    Path plan = savePlan();
    JsonObject json = new JsonObject(Files.readString(plan));
    json.getJsonObject("spec").put("path", "mesh.yaml");
    // Saved under a name without .json: still read as a plan, by its "kind".
    plan = dir.resolve("old-plan.txt");
    Files.writeString(plan, json.encodePrettily());
    CommandRun run = applyPlan(plan);
    assertEquals(1, run.code(), run::toString);
    assertTrue(
        run.err()
            .startsWith(
                "meshctl: error: " + plan + ": its spec mesh.yaml is not in the current folder "
                    + Path.of("").toAbsolutePath()
                    + ". The plan was saved by an earlier meshctl, which recorded the spec's path relative to"
                    + " the folder 'meshctl plan' ran in: run apply from that folder"),
        run::toString);
  }

  @Test
  void aChangedSpecIsNamedWithItsHash() throws Exception {
    Path plan = savePlan();
    String before = new JsonObject(Files.readString(plan)).getJsonObject("spec").getString("sha256");
    Files.writeString(spec, Files.readString(spec) + "# reviewed\n");
    CommandRun run = applyPlan(plan);
    assertEquals(1, run.code(), run::toString);
    assertTrue(
        run.err().contains(plan + ": the spec " + spec + " changed since the plan was made: its SHA-256 is now "),
        run::toString);
    assertTrue(run.err().contains(", the plan's spec.sha256 is " + before + "; run 'meshctl plan' again"), run::toString);
  }

  @Test
  void planAndDiffSayApplyIsBlockedWhenAControllerCannotBeReadNotThatTheyMatch() throws Exception {
    assertEquals(0, apply("--auto-approve").code());
    await(sim.controller("ctl3").down());
    for (String command : List.of("plan", "diff")) {
      CommandRun run = CommandRun.of(command, "--no-color", spec.toString());
      assertEquals(1, run.code(), run::toString);
      assertFalse(run.out().contains("No changes: the controllers match the spec."), run::toString);
      assertTrue(
          run.out().endsWith("Apply is blocked: 1 controller could not be read; nothing differs on the others.\n"),
          run::toString);
    }
  }

  @Test
  void unlockSaysWhetherTheMeshWasLocked() {
    CommandRun run = CommandRun.of("unlock", spec.toString());
    assertEquals(0, run.code(), run::toString);
    assertEquals("The mesh was not locked: the root controller is not licensed yet, so no lock can be kept on it.\n", run.out());
    sim.variableReading(dev.meshctl.simulator.VariableReading.parse("unlicensed=answer"));
    CommandRun free = CommandRun.of("unlock", spec.toString());
    assertEquals("The mesh was not locked.\n", free.out(), free::toString);
  }

  /** Another run's live lease on the root, as that run would have written it. */
  private java.time.Instant liveLease() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    String lease = new dev.meshctl.engine.lock.Lease("alice@laptop:42", "r1", now, now.plusSeconds(60)).toJson();
    io.vertx.ext.web.client.WebClient web = io.vertx.ext.web.client.WebClient.create(vertx);
    int status = await(web.postAbs(sim.controller("ctl1").endpoint() + "/api/system/variables")
        .basicAuthentication("api", PASSWORD)
        .sendJsonObject(new io.vertx.core.json.JsonObject().put("name", "meshctl_lock_r1_1").put("value", lease))).statusCode();
    assertEquals(201, status);
    return now;
  }

  @Test
  void breakLockSaysWhoseLiveLockItWouldBreakAndWithoutATerminalRefusesUnlessForced() throws Exception {
    sim.variableReading(dev.meshctl.simulator.VariableReading.parse("unlicensed=answer"));
    java.time.Instant now = liveLease();
    sim.controllers().forEach(SimulatedController::resetRequestCounts);
    CommandRun refused = apply("--break-lock");
    assertEquals(1, refused.code(), refused::toString);
    assertTrue(refused.err().contains("--break-lock would break the apply lock of another run that may still be running:\n"
        + "  alice@laptop:42 since " + now + " (expires " + now.plusSeconds(60) + ") [custom variable meshctl_lock_r1_1]\n"), refused::toString);
    assertTrue(refused.err().contains("run again with --force (or --auto-approve)"), refused::toString);
    assertEquals(0, writes(), "nothing was written, the lock neither");
  }

  @Test
  void aLockWaitSaysWhoHoldsTheLockAndKeepsSayingItOutsideATerminal() throws Exception {
    sim.variableReading(dev.meshctl.simulator.VariableReading.parse("unlicensed=answer"));
    java.time.Instant now = liveLease();
    CommandRun run =
        new MeshctlProcess(dir, java.util.Map.of(WaitNotices.INTERVAL_VARIABLE, "1s"))
            .run("apply", "--waits", "simulated", "--auto-approve", "--lock-timeout", "6s", spec.toString());
    assertEquals(1, run.code(), run::toString);
    String holder = "held by alice@laptop:42 since " + now + " (expires " + now.plusSeconds(60) + ")";
    assertTrue(run.out().contains("waiting for the apply lock, " + holder + "\n"), run::toString);
    assertTrue(
        java.util.regex.Pattern.compile("still waiting for the apply lock \\(\\d+ s elapsed\\), " + java.util.regex.Pattern.quote(holder))
            .matcher(run.out())
            .find(),
        run::toString);
    assertTrue(run.out().contains("mesh is locked by alice@laptop:42"), run::toString);
  }

  @Test
  void unlockOfALiveLockAsksAndWithoutATerminalRefusesUnlessForced() throws Exception {
    sim.variableReading(dev.meshctl.simulator.VariableReading.parse("unlicensed=answer,names=prefixed"));
    java.time.Instant now = liveLease();

    CommandRun refused = CommandRun.of("unlock", spec.toString());
    assertEquals(1, refused.code(), refused::toString);
    assertTrue(refused.err().contains("unlock would break the apply lock of another run that may still be running:\n"
        + "  alice@laptop:42 since " + now + " (expires " + now.plusSeconds(60) + ") [custom variable custom_meshctl_lock_r1_1]\n"), refused::toString);
    assertTrue(refused.err().contains("there is no terminal to ask whether to break it; if that run is dead, run again with --force"), refused::toString);

    CommandRun forced = CommandRun.of("unlock", "--force", spec.toString());
    assertEquals(0, forced.code(), forced::toString);
    assertTrue(forced.out().endsWith("Deleted the apply lock held by alice@laptop:42 since " + now + " (expires " + now.plusSeconds(60) + ").\n"), forced::toString);
    assertEquals("The mesh was not locked.\n", CommandRun.of("unlock", spec.toString()).out());
  }

  @Test
  void theDemoRunsTheTutorialOnItsOwnControllers() throws Exception {
    // The example on free ports, so that it cannot collide with anything else on this machine.
    Path demoDir = Files.createDirectories(dir.resolve("demo"));
    String text = Files.readString(Path.of("..", "examples", "local", "mesh.yaml"));
    for (int i = 1; i <= 4; i++) {
      try (var s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
        text = text.replace("127.0.0.1:800" + i, "127.0.0.1:" + s.getLocalPort());
      }
    }
    Files.writeString(demoDir.resolve("mesh.yaml"), text);
    Files.copy(Path.of("..", "examples", "local", "license.txt"), demoDir.resolve("license.txt"));
    CommandRun run = CommandRun.of("demo", "--spec", demoDir.resolve("mesh.yaml").toString());
    assertEquals(0, run.code(), run::toString);
    for (String step : List.of("==> 1.", "==> 2. Plan", "==> 3. Apply", "==> 4. Diff", "==> 5. Routes", "==> 6. Stop")) {
      assertTrue(run.out().contains(step), () -> step + " missing:\n" + run);
    }
    assertTrue(run.out().contains("No changes"), run::toString);
    assertTrue(run.out().contains("east-1a    learned 10.0.1.128/25, 10.0.2.0/25, 10.0.2.128/25  ✓"), run::toString);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
