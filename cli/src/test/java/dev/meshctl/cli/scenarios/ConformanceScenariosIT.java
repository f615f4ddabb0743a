package dev.meshctl.cli.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshctl.cli.Main;
import dev.meshctl.dsl.load.LoadOptions;
import dev.meshctl.dsl.load.LoadResult;
import dev.meshctl.dsl.load.SpecLoader;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.MeshSpec;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import dev.meshctl.simulator.SimulatedControllerConfig;
import dev.meshctl.simulator.Simulator;
import dev.meshctl.simulator.SimulatorConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs every conformance scenario in specs/scenarios: starts simulated controllers for the
 * controllers its specs name, brings them to the scenario's starting state ({@code setup.yaml}),
 * then runs {@code meshctl diff} and {@code meshctl plan} and compares their output (and exit
 * status) with {@code expected-diff.txt} and {@code expected-plan.txt}.
 *
 * <p>{@code -Dmeshctl.updateGolden=true} rewrites the golden files from the actual output. A
 * scenario's optional {@code expected-notes.txt} lists lines that diff's and plan's stderr must
 * each hold once.
 *
 * <p>setup.yaml: {@code steps:} run in order, each one of
 *
 * <ul>
 *   <li>{@code apply: FILE} — {@code meshctl apply --auto-approve FILE}
 *   <li>{@code preset: {controller: NAME, peer_id: N, license: other}} — licensed with a keyset,
 *       as if done by hand ({@code license: other}: from other-license.txt, so another keyset)
 *   <li>{@code call: {controller, method, path, body}} — one raw API request (path after /api)
 *   <li>{@code edit_route: {controller, cidr, set: {metric: 5}}} — a route changed by hand (VNS3
 *       has no route update: deleted and created again with the new values)
 *   <li>{@code down: NAME} — the controller stops answering (connection refused)
 *   <li>{@code wipe: NAME} — the controller is replaced by a fresh instance (factory state)
 * </ul>
 */
class ConformanceScenariosIT {
  private static final Path SCENARIOS = locate("specs/scenarios");
  private static final String PASSWORD = "sim-password";
  private static final boolean UPDATE = Boolean.getBoolean("meshctl.updateGolden");

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      List<Path> list = dirs.filter(d -> Files.isRegularFile(d.resolve("setup.yaml"))).sorted().toList();
      assertFalse(list.isEmpty(), "no scenarios under " + SCENARIOS);
      return list.stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  private static void run(Path dir) throws Exception {
    Map<String, Object> setup = yaml(dir.resolve("setup.yaml"));
    List<Map<String, Object>> steps = steps(setup);
    Vertx vertx = Vertx.vertx();
    try {
      List<ControllerSpec> controllers = controllers(dir, steps);
      Simulator sim = await(Simulator.start(vertx, simulatorConfig(controllers)));
      try {
        WebClient http = WebClient.create(vertx);
        for (Map<String, Object> step : steps) {
          step(dir, step, sim, http);
        }
        Path spec = dir.resolve("mesh.yaml");
        Path endpoints = endpointMap(sim, spec);
        Run diff = meshctl("diff", "--no-color", "--detailed-exitcode",
            "--endpoint-map", endpoints.toString(), spec.toString());
        compare(dir, "expected-diff.txt", diff);
        notes(dir, diff);
        Run plan = meshctl("plan", "--no-color", "--detailed-exitcode",
            "--endpoint-map", endpoints.toString(), spec.toString());
        compare(dir, "expected-plan.txt", plan);
        notes(dir, plan);
        Files.deleteIfExists(endpoints);
      } finally {
        await(sim.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static void step(Path dir, Map<String, Object> step, Simulator sim, WebClient http)
      throws Exception {
    if (step.get("apply") instanceof String file) {
      Path endpoints = endpointMap(sim, dir.resolve(file));
      Run r = meshctl("apply", "--auto-approve", "--no-color", "--waits", "simulated",
          "--endpoint-map", endpoints.toString(), dir.resolve(file).toString());
      Files.deleteIfExists(endpoints);
      if (r.exit() != 0) {
        fail("setup: meshctl apply " + file + " exited " + r.exit() + ":\n" + r.out() + r.err());
      }
    } else if (step.get("down") instanceof String name) {
      await(sim.controller(name).down());
    } else if (step.get("wipe") instanceof String name) {
      await(sim.controller(name).wipe());
    } else if (step.get("preset") instanceof Map<?, ?> p) {
      String license =
          Files.readString(
              SCENARIOS.resolve("other".equals(p.get("license")) ? "other-license.txt" : "license.txt"));
      String token = Files.readString(SCENARIOS.resolve("keyset-token.txt")).strip();
      OptionalInt id = p.get("peer_id") instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
      await(sim.controller((String) p.get("controller")).presetLicensed(license, token, id));
    } else if (step.get("call") instanceof Map<?, ?> c) {
      Object body = c.get("body");
      call(http, sim.controller((String) c.get("controller")), (String) c.get("method"), (String) c.get("path"),
          body instanceof Map<?, ?> m ? new JsonObject(cast(m)) : null);
    } else if (step.get("edit_route") instanceof Map<?, ?> e) {
      // VNS3 cannot update a route: an edit by hand is a delete and a create with other values.
      SimulatedController target = sim.controller((String) e.get("controller"));
      JsonObject routes = call(http, target, "GET", "/routes", null).getJsonObject("response");
      // The table's keys are positions; a route is deleted by its own id.
      JsonObject route =
          routes.fieldNames().stream()
              .map(routes::getJsonObject)
              .filter(r -> e.get("cidr").equals(r.getString("cidr")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("setup: no route " + e.get("cidr") + " on " + target.name()))
              .copy();
      call(http, target, "DELETE", "/routes/" + route.getValue("id"), null);
      JsonObject fresh = new JsonObject();
      for (String k : new String[] {"cidr", "interface", "gateway", "advertise", "metric", "description"}) {
        if (route.getValue(k) != null) {
          fresh.put(k, route.getValue(k));
        }
      }
      fresh.mergeIn(new JsonObject(cast((Map<?, ?>) e.get("set"))));
      call(http, target, "POST", "/routes", fresh);
    } else {
      fail("setup: unknown step " + step);
    }
  }

  /** One raw API request; fails the setup unless it succeeds. */
  private static JsonObject call(WebClient http, SimulatedController target, String method, String path, JsonObject body)
      throws Exception {
    var request =
        http.requestAbs(HttpMethod.valueOf(method), target.endpoint() + "/api" + path)
            .basicAuthentication("api", PASSWORD)
            .timeout(10_000);
    HttpResponse<Buffer> res = await(body != null ? request.sendJsonObject(body) : request.send());
    if (res.statusCode() >= 300) {
      fail("setup: " + method + " " + path + " on " + target.name() + " answered " + res.statusCode() + ": "
          + res.bodyAsString());
    }
    String text = res.bodyAsString();
    return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
  }

  /** Each line of {@code expected-notes.txt}, if the scenario has one, once on stderr. */
  private static void notes(Path dir, Run run) throws IOException {
    Path file = dir.resolve("expected-notes.txt");
    if (!Files.exists(file)) {
      return;
    }
    for (String note : Files.readAllLines(file)) {
      int times = run.err().split(java.util.regex.Pattern.quote(note), -1).length - 1;
      if (times != 1) {
        fail(dir.getFileName() + ": stderr holds this note " + times + " times, not once: " + note
            + "\nstderr:\n" + run.err());
      }
    }
  }

  /** The actual output, with the exit status as the last line, against the golden file. */
  private static void compare(Path dir, String golden, Run run) throws IOException {
    String actual = run.out() + "[exit status " + run.exit() + "]\n";
    Path file = dir.resolve(golden);
    if (UPDATE) {
      Files.writeString(file, actual);
      return;
    }
    String expected = Files.exists(file) ? Files.readString(file) : "(missing " + file + ")\n";
    if (!expected.equals(actual)) {
      fail(dir.getFileName() + "/" + golden + " differs (-expected +actual; rerun with"
          + " -Dmeshctl.updateGolden=true to accept):\n" + lineDiff(expected, actual)
          + "\nstderr:\n" + run.err());
    }
  }

  /** A readable line diff: the first differing region with a little context. */
  static String lineDiff(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int start = 0;
    while (start < e.length && start < a.length && e[start].equals(a[start])) {
      start++;
    }
    int endE = e.length - 1;
    int endA = a.length - 1;
    while (endE >= start && endA >= start && e[endE].equals(a[endA])) {
      endE--;
      endA--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, start - 3); i < start; i++) {
      sb.append("  ").append(e[i]).append('\n');
    }
    for (int i = start; i <= endE; i++) {
      sb.append("- ").append(e[i]).append('\n');
    }
    for (int i = start; i <= endA; i++) {
      sb.append("+ ").append(a[i]).append('\n');
    }
    return sb.toString();
  }

  record Run(int exit, String out, String err) {}

  static Run meshctl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    // Simulated controllers listen on free ports, and number routes in creation order, which a
    // parallel apply does not fix: those are the only parts that vary between runs.
    String stable =
        out.toString()
            .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
            .replaceAll("route_id=\\d+", "route_id=N");
    return new Run(exit, stable, err.toString());
  }

  /**
   * An endpoint map pointing the controllers of {@code spec} at their simulated ones (an entry
   * matching no controller of the spec is an error, so only those).
   */
  private static Path endpointMap(Simulator sim, Path spec) throws IOException {
    StringBuilder map = new StringBuilder();
    for (ControllerSpec c : load(spec).controllers()) {
      map.append('"').append(c.name()).append("\": \"").append(sim.controller(c.name()).endpoint()).append("\"\n");
    }
    Path file = Files.createTempFile("endpoints", ".yaml");
    Files.writeString(file, map.toString());
    return file;
  }

  private static MeshSpec load(Path spec) {
    LoadResult r = SpecLoader.load(spec, LoadOptions.defaults());
    return r.spec().orElseThrow(() -> new AssertionError(spec + " does not load: " + r.diagnostics()));
  }

  /** Every controller any spec of the scenario names, first definition first. */
  private static List<ControllerSpec> controllers(Path dir, List<Map<String, Object>> steps) {
    List<Path> specs = new ArrayList<>();
    specs.add(dir.resolve("mesh.yaml"));
    for (Map<String, Object> s : steps) {
      if (s.get("apply") instanceof String f) {
        specs.add(dir.resolve(f));
      }
    }
    Map<String, ControllerSpec> byName = new LinkedHashMap<>();
    for (Path p : specs) {
      load(p).controllers().forEach(c -> byName.putIfAbsent(c.name(), c));
    }
    return new ArrayList<>(byName.values());
  }

  private static SimulatorConfig simulatorConfig(List<ControllerSpec> controllers) {
    List<SimulatedControllerConfig> sims = new ArrayList<>();
    int i = 0;
    for (ControllerSpec c : controllers) {
      i++;
      sims.add(
          new SimulatedControllerConfig(
              c.name(), "127.0.0.1", 0, c.privateIp(), c.publicIp().orElse("198.51.100." + i),
              c.subnet(), c.dnsName()));
    }
    return SimulatorConfig.defaults(sims)
        .withTls(false)
        .withApiPassword(PASSWORD)
        .withTimings(SimTimings.FAST)
        .withAdminPort(-1);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> setup) {
    Object steps = setup == null ? null : setup.get("steps");
    return steps == null ? List.of() : (List<Map<String, Object>>) steps;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** The repository's {@code rel} directory, from the module or the repository root. */
  private static Path locate(String rel) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(rel))) {
        return p.resolve(rel);
      }
    }
    throw new IllegalStateException(rel + " not found above " + Path.of("").toAbsolutePath());
  }

}
