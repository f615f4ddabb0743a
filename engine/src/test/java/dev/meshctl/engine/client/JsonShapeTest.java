package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.Json;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JsonShapeTest {

  private static List<String> mismatches(String recorded, String actual, String... keyed) {
    return JsonShape.of(List.of(Json.decodeValue(recorded)), Set.of(keyed)).mismatches(Json.decodeValue(actual));
  }

  @Test
  void aMissingKeyAndAWrongTypeAreMismatches() {
    String recorded = "{\"response\": {\"licensed\": false, \"uptime\": 1, \"peered\": true}}";
    assertEquals(List.of(), mismatches(recorded, "{\"response\": {\"licensed\": true, \"uptime\": 9, \"peered\": false, \"extra\": 1}}"));
    assertEquals(List.of("$.response.peered: missing", "$.response.licensed: string, recorded boolean", "$.response.uptime: number, recorded integer"),
        mismatches(recorded, "{\"response\": {\"licensed\": \"no\", \"uptime\": 1.5}}"));
  }

  @Test
  void mapsKeyedByPositionAreComparedByTheirValues() {
    // Recorded entries differ (self / not_set): only what every entry has is required.
    String recorded = "{\"managers\": {\"1\": {\"id\": 1, \"self\": true}, \"2\": {\"id\": 2, \"not_set\": true}}}";
    assertEquals(List.of(), mismatches(recorded, "{\"managers\": {\"7\": {\"id\": 7, \"address\": \"10.0.2.10\"}}}"));
    assertEquals(List.of("$.managers.7.id: missing"), mismatches(recorded, "{\"managers\": {\"7\": {\"self\": true}}}"));
    assertEquals(List.of("$.managers.3.not_set: string, recorded boolean"),
        mismatches(recorded, "{\"managers\": {\"3\": {\"id\": 3, \"not_set\": \"yes\"}}}"));
  }

  @Test
  void namedKeyedPathsAndArraysOfArrays() {
    String recorded = "{\"response\": {\"key\": [{\"variable\": \"v\", \"value\": \"x\"}]}, \"rows\": [[\"a\", \"1\"]]}";
    assertEquals(List.of(), mismatches(recorded, "{\"response\": {\"custom\": [{\"variable\": \"lock\", \"value\": \"\"}]}, \"rows\": [[\"b\"]]}", "$.response"));
    assertEquals(List.of("$.response.custom[0].value: integer, recorded string", "$.rows[0][0]: integer, recorded string"),
        mismatches(recorded, "{\"response\": {\"custom\": [{\"variable\": \"lock\", \"value\": 1}]}, \"rows\": [[1]]}", "$.response"));
  }

  @Test
  void aRecordedNullSaysNothingOfTheType() {
    assertEquals(List.of(), mismatches("{\"kernelId\": null}", "{\"kernelId\": \"aki-1\"}"));
    assertEquals(List.of("$.kernelId: missing"), mismatches("{\"kernelId\": null}", "{}"));
  }

  @Test
  void timestampsKeepTheirRecordedForm() {
    String recorded = "{\"uploaded_at\": \"2020-01-24 20:39:59 +0000\", \"created_at\": \"2020-01-24T20:42:56.500+00:00\", \"name\": \"x\"}";
    assertEquals(List.of(), mismatches(recorded, "{\"uploaded_at\": \"2026-12-02 02:58:18 +0000\", \"created_at\": \"2026-12-02T02:58:18Z\", \"name\": \"y\"}"));
    assertEquals(List.of("$.uploaded_at: \"2026-12-02T02:58:18.686Z\", recorded timestamps like \"2020-01-24 20:39:59 +0000\""),
        mismatches(recorded, "{\"uploaded_at\": \"2026-12-02T02:58:18.686Z\", \"created_at\": \"2026-12-02T02:58:18Z\", \"name\": \"y\"}"));
  }

  @TestFactory
  Stream<DynamicTest> everyRecordingFitsItsOwnShape() {
    return RecordedShapeIT.RECORDINGS.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
      Object body = Json.decodeValue(RecordedResponses.body(file));
      assertEquals(List.of(), JsonShape.of(List.of(body), RecordedShapeIT.KEYED).mismatches(body));
    }));
  }
}
