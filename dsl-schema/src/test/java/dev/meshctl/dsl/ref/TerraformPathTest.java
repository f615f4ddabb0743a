package dev.meshctl.dsl.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TerraformPathTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void attributesIndexesAndKeysNestToAnyDepth() throws Exception {
    JsonNode value =
        new ObjectMapper()
            .readTree(
                "{\"east-1a\": {\"private_ip\": \"10.0.1.10\", \"subnets\": [\"a\", {\"cidr\": \"10.0.1.0/25\"}]},"
                    + " \"we\\\"ird}\": 7}");
    assertEquals("10.0.1.10", resolve("c[\"east-1a\"].private_ip", value).asText());
    assertEquals("10.0.1.10", resolve("c.east-1a[\"private_ip\"]", value).asText());
    assertEquals("10.0.1.0/25", resolve("c[\"east-1a\"].subnets[1].cidr", value).asText());
    assertEquals(7, resolve("c[\"we\\\"ird}\"]", value).asInt());
    assertEquals(value, resolve("c", value));
  }

  @Test
  void aMissingStepNamesThePathUpToItAndTheKeysThere() throws Exception {
    JsonNode value = new ObjectMapper().readTree("{\"east-1a\": {\"private_ip\": \"x\"}, \"east-1b\": {}}");
    TerraformPath p = TerraformPath.parse("controllers[\"east-1x\"].private_ip").path().orElseThrow();
    TerraformPath.Missing m = p.resolve(value).missing().orElseThrow();
    assertEquals("controllers[\"east-1x\"]", m.pathSoFar());
    assertEquals("controllers has no key \"east-1x\"", m.message());
    assertEquals(List.of("east-1a", "east-1b"), m.available());

    TerraformPath deep = TerraformPath.parse("controllers.east-1a.private_ip[0]").path().orElseThrow();
    TerraformPath.Missing d = deep.resolve(value).missing().orElseThrow();
    assertEquals("controllers.east-1a.private_ip[0]", d.pathSoFar());
    assertTrue(d.message().contains("is a string, not a list"), d.message());
    assertTrue(!d.message().contains("\"x\""), "values are never quoted: " + d.message());
  }

  @Test
  void badSyntaxSaysWhereAndWhat() {
    assertProblem("1abc", 0, "output name");
    assertProblem("a.", 2, "attribute name");
    assertProblem("a[", 1, "index");
    assertProblem("a[0", 3, "missing ']'");
    assertProblem("a[\"k", 2, "unterminated key");
    assertProblem("a[\"\\q\"]", 3, "unknown escape");
    assertProblem("a b", 1, "unexpected ' '");
    assertProblem("a[\"\\u12\"]", 3, "4 hex digits");
  }

  /** Seeded: random nested outputs, every path into them prints, parses back and finds its value. */
  @Test
  void everyPathIntoARandomValueRoundTripsAndResolves() {
    for (long seed = 1; seed <= 300; seed++) {
      Random r = new Random(seed);
      JsonNode value = randomValue(r, 4);
      List<List<TerraformPath.Step>> paths = new ArrayList<>();
      collect(value, new ArrayList<>(), paths);
      for (List<TerraformPath.Step> steps : paths) {
        TerraformPath path = new TerraformPath("out_" + seed, steps);
        String text = path.toString();
        TerraformPath back = TerraformPath.parse(text).path().orElseThrow(() -> new AssertionError(text));
        assertEquals(path, back, "seed " + seed + ": " + text);
        JsonNode expected = value;
        for (TerraformPath.Step s : steps) {
          expected = s instanceof TerraformPath.Index i ? expected.get(i.index()) : expected.get(((TerraformPath.Key) s).name());
        }
        assertEquals(expected, back.resolve(value).value().orElseThrow(), "seed " + seed + ": " + text);
      }
      // One step too far: a key no object has, or an index past every list.
      TerraformPath missing = new TerraformPath("o", List.of(new TerraformPath.Key("\u0001none")));
      assertTrue(missing.resolve(value).missing().isPresent(), "seed " + seed);
    }
  }

  private static void collect(JsonNode v, List<TerraformPath.Step> at, List<List<TerraformPath.Step>> out) {
    out.add(List.copyOf(at));
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        at.add(new TerraformPath.Index(i));
        collect(v.get(i), at, out);
        at.remove(at.size() - 1);
      }
    } else if (v.isObject()) {
      v.fieldNames().forEachRemaining(k -> {
        at.add(new TerraformPath.Key(k));
        collect(v.get(k), at, out);
        at.remove(at.size() - 1);
      });
    }
  }

  private static final String KEY_CHARS = "ab_-1.\"\\}{[] \n\té";

  private static JsonNode randomValue(Random r, int depth) {
    int kind = depth == 0 ? r.nextInt(2) : r.nextInt(4);
    switch (kind) {
      case 0:
        return JSON.textNode("v" + r.nextInt(100));
      case 1:
        return JSON.numberNode(r.nextInt(100));
      case 2: {
        ArrayNode a = JSON.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(randomValue(r, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = JSON.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          StringBuilder k = new StringBuilder();
          for (int j = 1 + r.nextInt(6); j > 0; j--) {
            k.append(KEY_CHARS.charAt(r.nextInt(KEY_CHARS.length())));
          }
          o.set(k.toString(), randomValue(r, depth - 1));
        }
        return o;
      }
    }
  }

  private static JsonNode resolve(String text, JsonNode value) {
    return TerraformPath.parse(text).path().orElseThrow().resolve(value).value().orElseThrow();
  }

  private static void assertProblem(String text, int offset, String words) {
    TerraformPath.Problem p = TerraformPath.parse(text).problem().orElseThrow(() -> new AssertionError(text));
    assertEquals(offset, p.offset(), text + ": " + p);
    assertTrue(p.message().contains(words), text + ": " + p);
  }
}
