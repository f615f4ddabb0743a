package dev.meshctl.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshctl.cli.reliability.CliMesh.Run;
import dev.meshctl.simulator.SimTimings;
import dev.meshctl.simulator.SimulatedController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random secrets placed in random fields of a spec, secret fields and fields that are not secret
 * (through {@code ${env:...}} and {@code ${file:...}}), never appear in anything meshctl prints or
 * writes: validate, diff, plan (human, JSON, markdown, saved), apply (progress, summary, JSON),
 * import's spec and reconcile's log, run through the real CLI against simulated controllers.
 * Seeded ({@code -Dmeshctl.seed=N}); each run names its seed and the field each secret went to.
 *
 * <p>The values in {@code cli/pom.xml}'s surefire environment stand for secrets in the
 * environment: MESHCTL_TEST_API_PASSWORD is the controllers' password.
 */
class SecretMaskingProperties {
  private static final String API_PASSWORD_ENV = "MESHCTL_TEST_API_PASSWORD";
  private static final String SECRET_ENV = "MESHCTL_TEST_SECRET";
  private static final int RUNS = 3;
  /** Characters that change how text is quoted or escaped in JSON, YAML, markdown and terminals. */
  private static final String HOSTILE = "\"'\\|*_`<>&#:;!?%{}[]()~^=+@, ";

  @TempDir Path dir;

  @Test
  void randomSecretsInAnyFieldNeverLeaveMeshctl() throws Exception {
    long seed = Long.getLong("meshctl.seed", 20_261_202L);
    String apiPassword = System.getenv(API_PASSWORD_ENV);
    assertNotNull(apiPassword, API_PASSWORD_ENV + " is set by cli/pom.xml's surefire configuration");
    for (int run = 0; run < RUNS; run++) {
      Random random = new Random(seed + run);
      Path runDir = Files.createDirectories(dir.resolve("run-" + run));
      try (CliMesh mesh = CliMesh.start(runDir, SimTimings.FAST, apiPassword)) {
        Placed placed = place(random, mesh, runDir);
        check("seed " + (seed + run) + ", " + placed.where(), mesh, runDir, placed);
      }
    }
  }

  /** A spec with secrets in it, where each went, and the values no output may hold. */
  private record Placed(Path spec, List<String> secrets, List<String> controllerKnows, String where) {}

  private static Placed place(Random random, CliMesh mesh, Path runDir) throws IOException {
    List<SimulatedController> controllers = mesh.sim.controllers();
    String keysetToken = secret(random);
    Files.writeString(runDir.resolve("keyset.txt"), keysetToken + "\n");
    List<String> where = new ArrayList<>();
    String passwordRef = random.nextBoolean() ? "${env:" + API_PASSWORD_ENV + "}" : "${file:password.txt}";
    where.add("password " + passwordRef);

    // Two random secrets from files (one named like a secret, one not, one outside the spec's
    // folder) and the environment's secret, each put in a random field that is not secret.
    String fromFile = secret(random);
    String fromOutside = secret(random);
    Path outside = Files.writeString(runDir.getParent().resolve("outside-" + runDir.getFileName() + ".txt"), fromOutside);
    List<String> refs =
        List.of(
            "${file:" + (random.nextBoolean() ? "secret-value.txt" : "plain-value.txt") + "}",
            "${file:../" + outside.getFileName() + "}",
            "${env:" + SECRET_ENV + "}");
    Files.writeString(runDir.resolve("secret-value.txt"), fromFile);
    Files.writeString(runDir.resolve("plain-value.txt"), fromFile);
    List<String> slots = new ArrayList<>();
    slots.add("metadata.name");
    for (int i = 0; i < controllers.size(); i++) {
      slots.add("controllers[" + i + "].controller_name");
      slots.add("controllers[" + i + "].routes[0].description");
    }
    String[] valueAt = new String[slots.size()];
    for (String ref : refs) {
      int slot = random.nextInt(slots.size());
      // Some values are the whole field, some are part of it.
      String text = random.nextBoolean() ? ref : "x-" + ref + "-y";
      valueAt[slot] = valueAt[slot] == null ? text : valueAt[slot] + " " + text;
    }

    String yaml = CliMesh.yaml(controllers, "tls: {insecure: true}", "password.txt")
        .replace("    password: ${file:password.txt}\n", "    password: " + passwordRef + "\n")
        .replace("  token: ${file:token.txt}\n", "  token: ${file:keyset.txt}\n");
    if (valueAt[0] != null) {
      yaml = yaml.replace("  name: reliability\n", "  name: " + quoted(valueAt[0]) + "\n");
      where.add("metadata.name = " + valueAt[0]);
    }
    for (int i = 0; i < controllers.size(); i++) {
      SimulatedController c = controllers.get(i);
      StringBuilder extra = new StringBuilder();
      String name = valueAt[1 + 2 * i];
      String description = valueAt[2 + 2 * i];
      if (name != null) {
        extra.append("    controller_name: ").append(quoted(name)).append('\n');
        where.add(slots.get(1 + 2 * i) + " = " + name);
      }
      if (description != null) {
        String gateway = c.privateIp().substring(0, c.privateIp().lastIndexOf('.')) + ".1";
        extra.append("    routes:\n      - cidr: 192.168.").append(10 + i).append(".0/24\n")
            .append("        gateway: ").append(gateway).append('\n')
            .append("        description: ").append(quoted(description)).append('\n');
        where.add(slots.get(2 + 2 * i) + " = " + description);
      }
      String subnetLine = "    subnet: " + c.subnet() + "\n";
      yaml = yaml.replace("    private_ip: " + c.privateIp() + "\n" + subnetLine, "    private_ip: " + c.privateIp() + "\n" + subnetLine + extra);
    }
    Path spec = Files.writeString(runDir.resolve("mesh.yaml"), yaml);
    String licenseLine = mesh.license.lines().filter(l -> l.trim().length() >= 24).skip(1).findFirst().orElseThrow().trim();
    List<String> secrets =
        List.of(System.getenv(API_PASSWORD_ENV), System.getenv(SECRET_ENV), keysetToken, fromFile, fromOutside, licenseLine);
    // Apply writes names and descriptions to the controllers, which then hold them as plain text;
    // import reads them back with no spec to tell it they were secrets.
    List<String> controllerKnows = List.of(System.getenv(SECRET_ENV), fromFile, fromOutside);
    return new Placed(spec, secrets, controllerKnows, String.join("; ", where));
  }

  private static void check(String where, CliMesh mesh, Path runDir, Placed placed) throws IOException {
    String spec = placed.spec().toString();
    Leaks leaks = new Leaks(where, placed.secrets());
    leaks.check("validate", CliMesh.run("validate", spec), 0);
    leaks.check("validate --json", CliMesh.run("validate", spec, "--json"), 0);
    leaks.check("diff", CliMesh.run("diff", spec, "--no-color"), 0);
    leaks.check("diff --json", CliMesh.run("diff", spec, "--json"), 0);
    leaks.check("plan", CliMesh.run("plan", spec, "--no-color"), 0);
    leaks.check("plan --json", CliMesh.run("plan", spec, "--json"), 0);
    leaks.check("plan --format markdown", CliMesh.run("plan", spec, "--format", "markdown"), 0);
    Path saved = runDir.resolve("plan.json");
    leaks.check("plan -out", CliMesh.run("plan", spec, "-out", saved.toString()), 0);
    leaks.check("apply", CliMesh.run("apply", spec, "--auto-approve", "--waits", "simulated", "--no-color"), 0);
    leaks.check("apply --json", CliMesh.run("apply", spec, "--auto-approve", "--waits", "simulated", "--json"), 0);
    leaks.check(
        "reconcile --once",
        CliMesh.run("reconcile", spec, "--once", "--waits", "simulated", "--log-format", "json"),
        0);
    List<String> endpoints = new ArrayList<>();
    for (SimulatedController c : mesh.sim.controllers()) {
      endpoints.add("--endpoint");
      endpoints.add(c.name() + "=127.0.0.1:" + c.port());
    }
    List<String> importArgs = new ArrayList<>(List.of("import", "--password-env", API_PASSWORD_ENV, "--insecure", "-o", runDir.resolve("imported.yaml").toString()));
    importArgs.addAll(endpoints);
    Run imported = CliMesh.run(importArgs.toArray(String[]::new));
    List<String> importMustNotHold = new ArrayList<>(placed.secrets());
    importMustNotHold.removeAll(placed.controllerKnows());
    new Leaks(where, importMustNotHold).check("import", imported, 0);
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt")) {
          continue; // the secrets' own files
        }
        Leaks l = name.equals("imported.yaml") ? new Leaks(where, importMustNotHold) : leaks;
        if (!name.equals("mesh.yaml")) {
          l.text("file " + runDir.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertTrue(Files.exists(saved), where);
  }

  /** Checks texts for any form of the secrets: whole, or one of their distinctive pieces. */
  private record Leaks(String where, List<String> secrets) {
    void check(String what, Run run, int expectedCode) {
      assertEquals(expectedCode, run.code(), () -> where + ": " + what + ":\n" + run);
      text(what + " stdout", run.out());
      text(what + " stderr", run.err());
    }

    void text(String what, String text) {
      for (String secret : secrets) {
        for (String piece : pieces(secret)) {
          if (text.contains(piece)) {
            fail(where + ": " + what + " holds a secret (" + piece + "):\n" + text);
          }
        }
      }
    }

    /** The secret and its alphanumeric runs of 8 or more, which survive any quoting or escaping. */
    private static List<String> pieces(String secret) {
      List<String> out = new ArrayList<>(List.of(secret));
      for (String run : secret.split("[^A-Za-z0-9]+")) {
        if (run.length() >= 8) {
          out.add(run);
        }
      }
      return out;
    }
  }

  /** A random secret: two random alphanumeric runs around characters that quoting changes. */
  private static String secret(Random random) {
    StringBuilder sb = new StringBuilder();
    alnum(random, sb, 8 + random.nextInt(8));
    int hostile = random.nextInt(4);
    for (int i = 0; i < hostile; i++) {
      sb.append(HOSTILE.charAt(random.nextInt(HOSTILE.length())));
    }
    alnum(random, sb, 8 + random.nextInt(8));
    return sb.toString();
  }

  private static void alnum(Random random, StringBuilder sb, int n) {
    String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
  }

  /** A YAML double-quoted string. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
