package dev.meshctl.engine.render;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.engine.address.ResourceAddress;
import dev.meshctl.engine.plan.Plan;
import dev.meshctl.engine.plan.PlanAction;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Writes and reads saved plans ({@code meshctl plan -out plan.json}), in the JSON format of
 * docs/plan-format.md. A saved plan holds no secret: actions carry none.
 */
public final class PlanFile {
  private PlanFile() {}

  public static void write(SavedPlan saved, Path file) throws IOException {
    Files.writeString(file, JsonRenderer.plan(saved).encodePrettily() + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads a saved plan back.
   *
   * @throws InvalidPlanFileException if the file is not a meshctl plan this version can run, with
   *     a message naming the file and what is wrong
   * @throws IOException if it cannot be read
   */
  public static SavedPlan read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(new JsonObject(text));
    } catch (DecodeException e) {
      throw new InvalidPlanFileException(file + ": not JSON: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new InvalidPlanFileException(file + ": not a valid meshctl plan: " + e.getMessage());
    }
  }

  static SavedPlan parse(JsonObject json) {
    Integer version = json.getInteger("format_version");
    if (!"plan".equals(json.getString("kind")) || version == null) {
      throw new IllegalArgumentException("no \"kind\": \"plan\" and \"format_version\"");
    }
    if (version != JsonRenderer.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "format_version " + version + " is not supported (this meshctl reads " + JsonRenderer.FORMAT_VERSION + ")");
    }
    DirectedAcyclicGraph<PlanAction, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    Map<Integer, PlanAction> byStep = new HashMap<>();
    JsonArray actions = json.getJsonArray("actions");
    for (int i = 0; i < actions.size(); i++) {
      JsonObject a = actions.getJsonObject(i);
      PlanAction action =
          PlanActionJson.read(
              a.getString("type"),
              ResourceAddress.parse(a.getString("address")),
              a.getJsonObject("parameters", new JsonObject()));
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
    SortedMap<String, String> fingerprints = new TreeMap<>();
    json.getJsonObject("live_fingerprints").forEach(e -> fingerprints.put(e.getKey(), (String) e.getValue()));
    List<Diagnostic> blocking = new ArrayList<>();
    for (Object o : json.getJsonArray("blocking", new JsonArray())) {
      JsonObject d = (JsonObject) o;
      blocking.add(
          new Diagnostic(
              Severity.valueOf(d.getString("severity").toUpperCase(Locale.ROOT)),
              d.getString("message"),
              Optional.empty(),
              d.getString("address"),
              Optional.ofNullable(d.getString("hint"))));
    }
    JsonObject spec = json.getJsonObject("spec");
    JsonObject summary = json.getJsonObject("summary");
    return new SavedPlan(
        json.getString("meshctl_version"),
        Instant.parse(json.getString("created_at")),
        spec.getString("path"),
        spec.getString("sha256"),
        spec.getString("desired_sha256"),
        Plan.of(graph, fingerprints, blocking),
        new PlanSummary(summary.getInteger("add"), summary.getInteger("change"), summary.getInteger("delete")));
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
  }
}
