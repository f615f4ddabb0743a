package dev.meshctl.engine.planfile;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.dsl.model.Masker;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.kind.ResourceKinds;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import dev.meshctl.engine.render.JsonRenderer;
import dev.meshctl.engine.render.PlanSummary;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Writes and reads saved plans ({@code meshctl plan -out plan.json}), in the JSON format of
 * docs/plan-format.md. A saved plan holds no secret: actions carry none.
 */
public final class PlanFile {
  /** Owner read and write only: a plan names every controller, address and route of the mesh. */
  static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-------");

  private PlanFile() {}

  /** The plan document: the same JSON {@code plan --json} prints and {@code plan -out} writes. */
  public static JsonObject json(SavedPlan saved) {
    Plan plan = saved.plan();
    Map<PlanAction, Integer> step = new HashMap<>();
    for (PlanAction a : plan.order()) {
      step.put(a, step.size() + 1);
    }
    JsonArray actions = new JsonArray();
    for (PlanAction a : plan.order()) {
      JsonArray after = new JsonArray();
      plan.dependencies(a).stream().map(step::get).sorted().forEach(after::add);
      actions.add(
          new JsonObject()
              .put("step", step.get(a))
              .put("type", a.type())
              .put("address", a.address().toString())
              .put("controller", a.controller())
              .put("parameters", PlanActionJson.parameters(a))
              .put("after", after));
    }
    JsonObject fingerprints = new JsonObject();
    plan.fingerprints().forEach(fingerprints::put);
    return new JsonObject()
        .put("format_version", JsonRenderer.FORMAT_VERSION)
        .put("kind", "plan")
        .put("meshctl_version", saved.meshctlVersion())
        .put("created_at", saved.createdAt().toString())
        .put(
            "spec",
            new JsonObject()
                .put("path", saved.specPath())
                .put("sha256", saved.specSha256())
                .put("desired_sha256", saved.desiredSha256()))
        .put("live_fingerprints", fingerprints)
        .put("actions", actions)
        .put("blocking", JsonRenderer.diagnostics(plan.blocking()))
        .put("warnings", JsonRenderer.diagnostics(plan.warnings()))
        .put("summary", JsonRenderer.summary(saved.summary()));
  }

  /**
   * Writes {@code saved} to {@code file} with mode 0600 where the file system has POSIX modes. The
   * text goes to a new file created with that mode in the same folder, which then replaces {@code
   * file}: the plan is never readable by others, not even for a moment, and a reader never sees
   * half a plan.
   */
  public static void write(SavedPlan saved, Path file) throws IOException {
    write(saved, file, new Masker());
  }

  /**
   * Writes {@code saved} as {@link #write(SavedPlan, Path)} does, with every value {@code masker}
   * holds masked: a value from {@code ${env:...}} in a field that is not secret would otherwise
   * sit in the plan file (apply refuses a plan holding a masked value rather than run it).
   */
  public static void write(SavedPlan saved, Path file, Masker masker) throws IOException {
    String text = masker.mask(json(saved).encodePrettily() + "\n");
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new FileSystemException(file.toString(), null, "is a folder");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // A device or pipe (-out /dev/stdout) is written in place: it cannot be replaced, and
      // has no mode of its own to set.
      Files.writeString(target, text, StandardCharsets.UTF_8);
      return;
    }
    Path dir = target.getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    FileAttribute<?>[] mode =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(MODE)} : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", mode);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Whether an action of {@code saved} holds a value masked when it was written. */
  public static boolean holdsMaskedValue(SavedPlan saved) {
    return json(saved).getJsonArray("actions").encode().contains(Secret.REDACTED);
  }

  /**
   * Reads a saved plan back.
   *
   * @throws InvalidPlanFileException if the file cannot be read or is not a meshctl plan this
   *     version can run, with a message naming the file, what is wrong and what to do
   */
  public static SavedPlan read(Path file) {
    return read(file, ResourceKinds.STANDARD);
  }

  /**
   * Reads a saved plan back whose actions are of {@code kinds}.
   *
   * @throws InvalidPlanFileException as {@link #read(Path)}
   */
  public static SavedPlan read(Path file, ResourceKinds kinds) {
    LoadedPlan loaded = load(file, kinds);
    try {
      parse(loaded.json(), true, kinds);
    } catch (IllegalArgumentException e) {
      throw new InvalidPlanFileException(file + ": not a valid meshctl plan: " + e.getMessage());
    } catch (ClassCastException | NullPointerException e) {
      throw new InvalidPlanFileException(file + ": not a valid meshctl plan: " + WRONG_SHAPE);
    }
    return loaded.saved();
  }

  /**
   * Reads a saved plan back with its JSON, which apply holds the plan it computes again against.
   *
   * @throws InvalidPlanFileException as {@link #read}
   */
  public static LoadedPlan load(Path file) {
    return load(file, ResourceKinds.STANDARD);
  }

  private static LoadedPlan load(Path file, ResourceKinds kinds) {
    JsonObject json;
    try {
      json = new JsonObject(readText(file));
    } catch (DecodeException e) {
      throw new InvalidPlanFileException(
          file + ": not JSON (" + firstLine(e.getMessage()) + "): " + NOT_A_PLAN_HINT);
    }
    try {
      return new LoadedPlan(file, parse(json, false, kinds), json);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidPlanFileException(file + ": not a valid meshctl plan: " + e.getMessage());
    } catch (ClassCastException | NullPointerException e) {
      // The messages of these name Java classes, which say nothing to a user.
      throw new InvalidPlanFileException(file + ": not a valid meshctl plan: " + WRONG_SHAPE);
    }
  }

  private static final String WRONG_SHAPE =
      "a key is missing or holds the wrong kind of value (was it edited by hand?); make a new plan"
          + " with 'meshctl plan SPEC -out FILE'";

  private static final String NOT_A_PLAN_HINT =
      "give a plan saved by 'meshctl plan SPEC -out FILE', or a spec (YAML)";

  private static String readText(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new InvalidPlanFileException(file + ": is a folder, not a plan file: " + NOT_A_PLAN_HINT);
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new InvalidPlanFileException(
          file + ": no such file (looked for " + file.toAbsolutePath().normalize() + "): " + NOT_A_PLAN_HINT);
    } catch (AccessDeniedException e) {
      throw new InvalidPlanFileException(file + ": permission denied: meshctl cannot read it");
    } catch (CharacterCodingException e) {
      throw new InvalidPlanFileException(file + ": not UTF-8 text, so not a saved plan: " + NOT_A_PLAN_HINT);
    } catch (FileSystemException e) {
      throw new InvalidPlanFileException(
          file + ": cannot be read: " + Optional.ofNullable(e.getReason()).orElse(e.getClass().getSimpleName()));
    } catch (IOException e) {
      throw new InvalidPlanFileException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * @param strictActions whether actions that cannot be read make the whole file invalid. Apply
   *     reads without: it never runs the file's actions, and the plan it computes again names the
   *     first action that differs far better than a parse error would.
   */
  static SavedPlan parse(JsonObject json, boolean strictActions) {
    return parse(json, strictActions, ResourceKinds.STANDARD);
  }

  private static SavedPlan parse(JsonObject json, boolean strictActions, ResourceKinds kinds) {
    Object kind = json.getValue("kind");
    if (!"plan".equals(kind)) {
      throw new IllegalArgumentException(
          "diff".equals(kind)
              ? "it is the output of 'meshctl diff --json', not a saved plan: " + NOT_A_PLAN_HINT
              : "no \"kind\": \"plan\", so not a plan meshctl saved: " + NOT_A_PLAN_HINT);
    }
    Object version = json.getValue("format_version");
    if (!(version instanceof Integer v) || v != JsonRenderer.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "format_version "
              + version
              + " is not supported (this meshctl reads "
              + JsonRenderer.FORMAT_VERSION
              + "; the plan was made by meshctl "
              + json.getValue("meshctl_version")
              + "): apply it with that version, or plan again with this one");
    }
    DirectedAcyclicGraph<PlanAction, DefaultEdge> graph;
    try {
      graph = actions(json.getJsonArray("actions"), kinds);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      if (strictActions) {
        throw e;
      }
      graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    }
    SortedMap<String, String> fingerprints = new TreeMap<>();
    json.getJsonObject("live_fingerprints").forEach(e -> fingerprints.put(e.getKey(), (String) e.getValue()));
    List<Diagnostic> blocking = diagnostics(json.getJsonArray("blocking", new JsonArray()));
    // Plans saved before warnings existed have none.
    List<Diagnostic> warnings = diagnostics(json.getJsonArray("warnings", new JsonArray()));
    JsonObject spec = json.getJsonObject("spec");
    JsonObject summary = json.getJsonObject("summary");
    return new SavedPlan(
        json.getString("meshctl_version"),
        Instant.parse(json.getString("created_at")),
        spec.getString("path"),
        spec.getString("sha256"),
        spec.getString("desired_sha256"),
        Plan.of(graph, fingerprints, blocking, warnings),
        new PlanSummary(summary.getInteger("add"), summary.getInteger("change"), summary.getInteger("delete")));
  }

  private static List<Diagnostic> diagnostics(JsonArray array) {
    List<Diagnostic> out = new ArrayList<>();
    for (Object o : array) {
      JsonObject d = (JsonObject) o;
      out.add(
          new Diagnostic(
              Severity.valueOf(d.getString("severity").toUpperCase(Locale.ROOT)),
              d.getString("message"),
              Optional.empty(),
              d.getString("address"),
              Optional.ofNullable(d.getString("hint")),
              Optional.ofNullable(d.getString("detail"))));
    }
    return out;
  }

  private static DirectedAcyclicGraph<PlanAction, DefaultEdge> actions(JsonArray actions, ResourceKinds kinds) {
    DirectedAcyclicGraph<PlanAction, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    Map<Integer, PlanAction> byStep = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      JsonObject a = actions.getJsonObject(i);
      PlanAction action;
      try {
        action =
            PlanActionJson.read(
                kinds::actionType,
                a.getString("type"),
                ResourceAddress.parse(a.getString("address")),
                a.getJsonObject("parameters", new JsonObject()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("action " + (i + 1) + ": " + e.getMessage(), e);
      }
      byStep.put(a.getInteger("step"), action);
      graph.addVertex(action);
    }
    for (int i = 0; i < actions.size(); i++) {
      JsonObject a = actions.getJsonObject(i);
      PlanAction to = byStep.get(a.getInteger("step"));
      for (Object after : a.getJsonArray("after", new JsonArray())) {
        PlanAction from = byStep.get((Integer) after);
        if (from == null) {
          throw new IllegalArgumentException("step " + a.getInteger("step") + " waits for unknown step " + after);
        }
        graph.addEdge(from, to);
      }
    }
    return graph;
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
  }
}
