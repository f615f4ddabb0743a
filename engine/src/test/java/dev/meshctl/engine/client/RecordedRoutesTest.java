package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.meshctl.engine.live.LiveRoute;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The client against the route table a real controller answered, verbatim (see {@code
 * vns3/recorded/RoutesResponse.json.md}): its keys are positions, its ids are elsewhere, and its
 * advertisement has {@code "interface": "_notset"} and no gateway.
 */
class RecordedRoutesTest extends WireMockHarness {
  private static final String RECORDED = resource("/vns3/recorded/RoutesResponse.json");

  /** The table once the advertisement was posted a second time: what a blind retry leaves. */
  private static final String RECORDED_WITH_DUPLICATE = withDuplicateOfKey4();

  /** The recorded advertisement, as meshctl would want it. */
  private static final RouteRequest ADVERTISEMENT =
      new RouteRequest("10.0.0.0/8", Optional.empty(), Optional.empty(), true, 0, Optional.of("On Prem AWS"));

  @Test
  void idsComeFromTheEntriesNotFromTheKeys() {
    wm.stubFor(get("/api/routes").willReturn(okJson(RECORDED)));
    Map<String, String> idByCidr = new TreeMap<>();
    for (LiveRoute r : Await.result(client.getRoutes())) {
      idByCidr.put(r.cidr(), r.id());
    }
    assertEquals(
        Map.of("224.0.0.0/4", "1", "10.121.11.212/32", "3", "10.121.11.213/32", "4", "10.0.0.0/8", "8"),
        idByCidr);
  }

  @Test
  void theAdvertisementIsReadAsRecorded() {
    wm.stubFor(get("/api/routes").willReturn(okJson(RECORDED)));
    LiveRoute adv =
        Await.result(client.getRoutes()).stream().filter(r -> r.cidr().equals("10.0.0.0/8")).findFirst().orElseThrow();
    assertEquals(
        new LiveRoute("8", "10.0.0.0/8", Optional.empty(), Optional.of("_notset"), true, 0, "On Prem AWS", true, true),
        adv);
    // It is the route meshctl would post for that advertisement.
    assertEquals(true, ADVERTISEMENT.sameRoute(adv));
  }

  @Test
  void aDeleteGoesToTheEntrysIdNotItsKey() {
    wm.stubFor(get("/api/routes").willReturn(okJson(RECORDED)));
    wm.stubFor(delete(anyUrl()).willReturn(okJson(RECORDED)));
    for (LiveRoute r : Await.result(client.getRoutes())) {
      if (r.cidr().equals("10.0.0.0/8") || r.cidr().equals("10.121.11.212/32")) {
        Await.result(client.deleteRoute(r.id()));
      }
    }
    wm.verify(1, deleteRequestedFor(urlEqualTo("/api/routes/8")));
    wm.verify(1, deleteRequestedFor(urlEqualTo("/api/routes/3")));
    // Keys "4" and "2" are positions; a delete there would hit another route, or none.
    wm.verify(0, deleteRequestedFor(urlEqualTo("/api/routes/4")));
    wm.verify(0, deleteRequestedFor(urlEqualTo("/api/routes/2")));
  }

  @Test
  void anAdvertisementIsPostedAsTheVendorSdkPostsIt() {
    wm.stubFor(post("/api/routes").willReturn(okJson(RECORDED)));
    Await.result(client.createRoute(ADVERTISEMENT));
    wm.verify(
        postRequestedFor(urlEqualTo("/api/routes"))
            .withRequestBody(
                equalToJson(
                    """
                    {"cidr": "10.0.0.0/8", "description": "On Prem AWS", "interface": "_notset",
                     "gateway": "_notset", "advertise": true, "metric": 0}
                    """)));
  }

  /**
   * The POST lands, but its answer is lost. The re-read shows the advertisement the way real
   * controllers report it ({@code "interface": "_notset"}, no gateway): the client must see its
   * own route there and not post it again, or the table ends with two copies.
   */
  @Test
  void anAmbiguousAdvertisementPostThatLandedIsNotPostedAgain() {
    wm.stubFor(post("/api/routes").inScenario("table").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("landed"));
    wm.stubFor(get("/api/routes").inScenario("table").whenScenarioStateIs("landed").willReturn(okJson(RECORDED)));
    wm.stubFor(post("/api/routes").inScenario("table").whenScenarioStateIs("landed")
        .willReturn(okJson(RECORDED_WITH_DUPLICATE)).willSetStateTo("duplicated"));
    wm.stubFor(get("/api/routes").inScenario("table").whenScenarioStateIs("duplicated")
        .willReturn(okJson(RECORDED_WITH_DUPLICATE)));
    Await.result(client.createRoute(ADVERTISEMENT));
    wm.verify(1, postRequestedFor(urlEqualTo("/api/routes")));
    long copies = Await.result(client.getRoutes()).stream().filter(ADVERTISEMENT::sameRoute).count();
    assertEquals(1, copies);
  }

  private static String withDuplicateOfKey4() {
    JsonObject table = new JsonObject(RECORDED);
    JsonObject routes = table.getJsonObject("response");
    routes.put("5", routes.getJsonObject("4").copy().put("id", 9));
    return table.encode();
  }

  private static String resource(String path) {
    try (InputStream in = RecordedRoutesTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
