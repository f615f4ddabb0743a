package dev.meshctl.engine.apply;

import static dev.meshctl.engine.apply.SimulatedMesh.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.simulator.SimTimings;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random edits to a saved plan, applied against simulated controllers. Every edit that
 * changes what the file says (a value changed, a key or element added or removed, actions
 * reordered) is refused and writes nothing; edits that change only its layout (whitespace, the
 * order of an object's keys) are accepted. {@code created_at} and {@code meshctl_version} are left
 * out of value changes: they describe the file, not what it does, and apply takes them from it.
 */
class SavedPlanTamperingProperties {
  private static final long SEED = 20261202L;
  private static final int TRIES = 120;
  private static final Set<String> INFORMATIONAL = Set.of("created_at", "meshctl_version");

  /** What an edit does; the first six change meaning, the last two only layout. */
  enum Edit {
    CHANGE_VALUE,
    REMOVE_KEY,
    ADD_KEY,
    REMOVE_ELEMENT,
    ADD_ELEMENT,
    REORDER_ACTIONS,
    WHITESPACE,
    KEY_ORDER;

    boolean changesMeaning() {
      return this != WHITESPACE && this != KEY_ORDER;
    }
  }

  @TempDir Path dir;
  private Vertx vertx;
  private SimulatedMesh mesh;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    mesh = SimulatedMesh.start(vertx, 3, SimTimings.FAST, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    await(vertx.close());
  }

  @Test
  void everyEditThatChangesMeaningIsRefusedAndWritesNothing() throws Exception {
    Path file = SavedPlans.save(mesh.engine(), mesh.spec, dir);
    JsonObject original = new JsonObject(Files.readString(file));
    Map<Edit, Integer> counts = new EnumMap<>(Edit.class);
    Random seeds = new Random(SEED);
    for (int t = 0; t < TRIES; t++) {
      long seed = seeds.nextLong();
      Random rnd = new Random(seed);
      Edit edit = Edit.values()[rnd.nextInt(Edit.values().length)];
      JsonObject plan = original.copy();
      String what = edit(plan, edit, rnd);
      Files.writeString(file, layout(plan, rnd, edit == Edit.KEY_ORDER));
      counts.merge(edit, 1, Integer::sum);

      mesh.resetCounts();
      SavedPlans.Result r = SavedPlans.applyDeclining(mesh.engine(), mesh.spec, file);
      String context = "try " + t + " (seed " + seed + "): " + edit + " " + what + " -> " + r;
      if (edit.changesMeaning()) {
        assertTrue(r.refused(), context);
        assertTrue(!r.message().isBlank(), context);
        assertEquals(0, mesh.writes(), context);
      } else {
        // Accepted: it reached the confirmation, which declined; only the lock was written.
        assertEquals(Optional.of(ApplyOutcome.DECLINED), r.outcome(), context);
      }
    }
    for (Edit e : Edit.values()) {
      assertTrue(counts.getOrDefault(e, 0) > 3, () -> "too few tries of " + e + ": " + counts);
    }
  }

  /** Applies {@code edit} to {@code plan} in place; answers what it did, for failure messages. */
  private static String edit(JsonObject plan, Edit edit, Random rnd) {
    switch (edit) {
      case CHANGE_VALUE -> {
        List<Slot> leaves = new ArrayList<>();
        slots(plan, "", leaves, true);
        leaves.removeIf(s -> INFORMATIONAL.contains(s.path()));
        Slot s = leaves.get(rnd.nextInt(leaves.size()));
        Object before = s.get();
        Object after = randomValue(rnd);
        while (Json.encode(after).equals(Json.encode(before))) {
          after = randomValue(rnd);
        }
        s.set(after);
        return s.path() + ": " + Json.encode(before) + " -> " + Json.encode(after);
      }
      case REMOVE_KEY -> {
        List<JsonObject> objects = new ArrayList<>();
        containers(plan, objects, new ArrayList<>());
        objects.removeIf(JsonObject::isEmpty);
        JsonObject o = objects.get(rnd.nextInt(objects.size()));
        String key = new ArrayList<>(o.fieldNames()).get(rnd.nextInt(o.size()));
        o.remove(key);
        return "removed " + key;
      }
      case ADD_KEY -> {
        List<JsonObject> objects = new ArrayList<>();
        containers(plan, objects, new ArrayList<>());
        JsonObject o = objects.get(rnd.nextInt(objects.size()));
        String key = "k" + rnd.nextInt(1000);
        o.put(key, randomValue(rnd));
        return "added " + key;
      }
      case REMOVE_ELEMENT -> {
        List<JsonArray> arrays = new ArrayList<>();
        containers(plan, new ArrayList<>(), arrays);
        arrays.removeIf(JsonArray::isEmpty);
        JsonArray a = arrays.get(rnd.nextInt(arrays.size()));
        return "removed element " + Json.encode(a.remove(rnd.nextInt(a.size())));
      }
      case ADD_ELEMENT -> {
        List<JsonArray> arrays = new ArrayList<>();
        containers(plan, new ArrayList<>(), arrays);
        JsonArray a = arrays.get(rnd.nextInt(arrays.size()));
        // Half the time a copy of an element already there: a duplicated action or edge.
        Object v = !a.isEmpty() && rnd.nextBoolean() ? copy(a.getValue(rnd.nextInt(a.size()))) : randomValue(rnd);
        a.getList().add(rnd.nextInt(a.size() + 1), v instanceof JsonObject o ? o.getMap() : v instanceof JsonArray l ? l.getList() : v);
        return "inserted " + Json.encode(v);
      }
      case REORDER_ACTIONS -> {
        JsonArray actions = plan.getJsonArray("actions");
        int i = rnd.nextInt(actions.size());
        int j = (i + 1 + rnd.nextInt(actions.size() - 1)) % actions.size();
        Object ai = actions.getValue(i);
        actions.set(i, actions.getValue(j));
        actions.set(j, ai);
        return "swapped actions " + (i + 1) + " and " + (j + 1);
      }
      default -> {
        return "layout only";
      }
    }
  }

  /** A place holding a value: an object's key or an array's index. */
  private record Slot(String path, JsonObject object, String key, JsonArray array, int index) {
    Object get() {
      return object != null ? object.getValue(key) : array.getValue(index);
    }

    void set(Object v) {
      if (object != null) {
        object.put(key, v);
      } else {
        array.set(index, v);
      }
    }
  }

  /** Every value in the tree, objects and arrays included unless {@code leavesOnly}. */
  private static void slots(Object node, String path, List<Slot> out, boolean leavesOnly) {
    if (node instanceof JsonObject o) {
      for (String k : o.fieldNames()) {
        Object v = o.getValue(k);
        String p = path.isEmpty() ? k : path + "." + k;
        if (!leavesOnly || !(v instanceof JsonObject || v instanceof JsonArray)) {
          out.add(new Slot(p, o, k, null, -1));
        }
        slots(v, p, out, leavesOnly);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        Object v = a.getValue(i);
        if (!leavesOnly || !(v instanceof JsonObject || v instanceof JsonArray)) {
          out.add(new Slot(path + "[" + i + "]", null, null, a, i));
        }
        slots(v, path + "[" + i + "]", out, leavesOnly);
      }
    }
  }

  private static void containers(Object node, List<JsonObject> objects, List<JsonArray> arrays) {
    if (node instanceof JsonObject o) {
      objects.add(o);
      o.fieldNames().forEach(k -> containers(o.getValue(k), objects, arrays));
    } else if (node instanceof JsonArray a) {
      arrays.add(a);
      for (int i = 0; i < a.size(); i++) {
        containers(a.getValue(i), objects, arrays);
      }
    }
  }

  private static Object copy(Object v) {
    return v instanceof JsonObject o ? o.copy() : v instanceof JsonArray a ? a.copy() : v;
  }

  private static Object randomValue(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> rnd.nextInt(100);
      case 1 -> rnd.nextInt(100) + 0.5;
      case 2 -> rnd.nextBoolean();
      case 3 -> null;
      case 4 -> new JsonObject().put("x", rnd.nextInt(10));
      case 5 -> new JsonArray().add(rnd.nextInt(10));
      case 6 -> "";
      default -> "v" + rnd.nextInt(1000);
    };
  }

  /** The JSON text of {@code v} with random whitespace between tokens, keys shuffled if asked. */
  private static String layout(Object v, Random rnd, boolean shuffleKeys) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, rnd, shuffleKeys);
    return space(rnd) + sb + space(rnd);
  }

  private static void write(StringBuilder sb, Object v, Random rnd, boolean shuffleKeys) {
    if (v instanceof JsonObject o) {
      List<String> keys = new ArrayList<>(o.fieldNames());
      if (shuffleKeys) {
        Collections.shuffle(keys, rnd);
      }
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(space(rnd)).append(Json.encode(keys.get(i))).append(space(rnd)).append(':').append(space(rnd));
        write(sb, o.getValue(keys.get(i)), rnd, shuffleKeys);
        sb.append(space(rnd));
      }
      sb.append('}');
    } else if (v instanceof JsonArray a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(space(rnd));
        write(sb, a.getValue(i), rnd, shuffleKeys);
        sb.append(space(rnd));
      }
      sb.append(']');
    } else {
      sb.append(Json.encode(v));
    }
  }

  private static String space(Random rnd) {
    String[] ws = {"", " ", "\n", "\t", "  ", "\r\n", "\n    "};
    return ws[rnd.nextInt(ws.length)];
  }
}
