package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.meshctl.engine.live.LiveRoute;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebVns3ClientRetryTest extends WireMockHarness {
  private static final RouteRequest PEER_ROUTE =
      new RouteRequest("10.0.2.10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.of("peer"));

  @Test
  void aReadIsRetriedAfter502And503() {
    wm.stubFor(get("/api/config").inScenario("busy").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("503"));
    wm.stubFor(get("/api/config").inScenario("busy").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get("/api/config").inScenario("busy").whenScenarioStateIs("up").willReturn(okJson(CONFIG)));
    assertTrue(Await.result(client.getConfig()).licensed());
    wm.verify(3, getRequestedFor(urlEqualTo("/api/config")));
    assertEquals(new RequestStats.Counts(3, 0), client.stats().snapshot());
  }

  @Test
  void aReadIsRetriedAfterAConnectionReset() {
    wm.stubFor(get("/api/keyset").inScenario("reset").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.stubFor(get("/api/keyset").inScenario("reset").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"response\":{\"keyset_present\":true,\"checksum\":\"c1\"}}")));
    assertTrue(Await.result(client.getKeyset()).present());
    wm.verify(2, getRequestedFor(urlEqualTo("/api/keyset")));
  }

  @Test
  void retriesStopAtTheLimitWithTheLastError() {
    wm.stubFor(get("/api/config").willReturn(aResponse().withStatus(503)));
    Vns3Error e = Await.error(client.getConfig());
    assertEquals(new Vns3Error.ServerBusy("east-1a", "GET /config", 503), e);
    wm.verify(TestControllers.FAST_RETRY.maxAttempts(), getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void a500IsNotRetried() {
    wm.stubFor(get("/api/routes").willReturn(aResponse().withStatus(500)
        .withBody("{\"error\":{\"name\":\"InternalError\",\"message\":\"boom\"}}")));
    Vns3Error e = Await.error(client.getRoutes());
    assertEquals("controller \"east-1a\": GET /routes: 500 boom", e.message());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/routes")));
  }

  @Test
  void anIdempotentPutIsRetried() {
    wm.stubFor(put("/api/config").inScenario("put").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.stubFor(put("/api/config").inScenario("put").whenScenarioStateIs("ok").willReturn(okJson(CONFIG)));
    Await.result(client.putConfig(Optional.of("mesh"), Optional.empty()));
    wm.verify(2, putRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void aRouteThatLandedDespiteAResetIsNotPostedAgain() {
    wm.stubFor(post("/api/routes").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/api/routes").willReturn(okJson(ROUTES)));
    Await.result(client.createRoute(PEER_ROUTE));
    wm.verify(1, postRequestedFor(urlEqualTo("/api/routes")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/routes")));
  }

  @Test
  void aRouteThatDidNotLandIsPostedAgainAfterTheReRead() {
    wm.stubFor(post("/api/routes").inScenario("post").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(post("/api/routes").inScenario("post").whenScenarioStateIs("ok").willReturn(okJson(ROUTES)));
    wm.stubFor(get("/api/routes").willReturn(okJson(ROUTES_WITHOUT_PEER)));
    Await.result(client.createRoute(PEER_ROUTE));
    wm.verify(2, postRequestedFor(urlEqualTo("/api/routes")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/routes")));
    assertEquals(new RequestStats.Counts(1, 2), client.stats().snapshot());
  }

  @Test
  void aPostIsNotRepeatedWhenTheReReadFails() {
    wm.stubFor(post("/api/routes").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get("/api/routes").willReturn(aResponse().withStatus(401)));
    Vns3Error e = Await.error(client.createRoute(PEER_ROUTE));
    Vns3Error.Unreachable u = assertInstanceOf(Vns3Error.Unreachable.class, e);
    assertTrue(u.requestSent());
    assertEquals("controller \"east-1a\": POST /routes: connection reset", e.message());
    wm.verify(1, postRequestedFor(urlEqualTo("/api/routes")));
  }

  @Test
  void aRejectedPostIsNotRetried() {
    wm.stubFor(post("/api/peering/peers").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"name\":\"APIArgumentError\",\"message\":\"5 is an invalid controller id\"}}")));
    Vns3Error e = Await.error(client.createPeer(5, "10.0.5.10", java.util.OptionalInt.empty()));
    assertEquals("controller \"east-1a\": POST /peering/peers: 400 5 is an invalid controller id", e.message());
    wm.verify(1, postRequestedFor(urlEqualTo("/api/peering/peers")));
    wm.verify(0, getRequestedFor(urlEqualTo("/api/peering")));
  }

  @Test
  void aSlowAnswerIsATimeoutAndIsRetried() {
    client = client(TestControllers.withRequestTimeout(TestControllers.http("east-1a", wm.port()), Duration.ofMillis(200)));
    wm.stubFor(get("/api/peering").willReturn(okJson(PEERING).withFixedDelay(1000)));
    Vns3Error e = Await.error(client.getPeering());
    assertInstanceOf(Vns3Error.Timeout.class, e);
    assertEquals("controller \"east-1a\": GET /peering: no answer within 0.2 s", e.message());
    wm.verify(TestControllers.FAST_RETRY.maxAttempts(), getRequestedFor(urlEqualTo("/api/peering")));
  }

  @Test
  void aRefusedConnectionIsUnreachableAndNamesTheCall() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Vns3Client dead = client(TestControllers.http("west-2b", closed));
    Vns3Error e = Await.error(dead.getPeering());
    assertEquals(new Vns3Error.Unreachable("west-2b", "GET /peering", "connection refused", false), e);
    assertEquals("controller \"west-2b\": GET /peering: connection refused", e.message());
    assertEquals(TestControllers.FAST_RETRY.maxAttempts(), dead.stats().snapshot().reads());
    // Nothing was sent, so even a POST is simply repeated, without a re-read.
    Await.error(dead.createRoute(PEER_ROUTE));
    assertEquals(new RequestStats.Counts(4, 4), dead.stats().snapshot());
  }

  @Test
  void truncatedJsonIsMalformedAndDoesNotQuoteTheBody() {
    wm.stubFor(get("/api/config").willReturn(okJson("{\"response\": {\"licensed\": true, \"security_token\": \"tok")));
    Vns3Error e = Await.error(client.getConfig());
    assertInstanceOf(Vns3Error.MalformedResponse.class, e);
    assertTrue(e.message().startsWith("controller \"east-1a\": GET /config: body is not valid JSON"), e.message());
    assertFalse(e.message().contains("tok"));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void aWriteIsAcknowledgedWithoutReadingTheTableItAnswers() {
    wm.stubFor(post("/api/routes").willReturn(okJson("{\"response\": {\"1\": {\"no_cidr\": true}}}")));
    Await.result(client.createRoute(PEER_ROUTE));
    wm.stubFor(post("/api/peering/peers").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Login</body></html>")));
    Vns3Error e = Await.error(client.createPeer(2, "10.0.2.10", java.util.OptionalInt.empty()));
    assertEquals(new Vns3Error.MalformedResponse("east-1a", "POST /peering/peers", "expected JSON, got an HTML page"), e);
  }

  @Test
  void anHtmlPageIsMalformed() {
    wm.stubFor(get("/api/license").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Login</body></html>")));
    Vns3Error e = Await.error(client.getLicense());
    assertEquals(new Vns3Error.MalformedResponse("east-1a", "GET /license", "expected JSON, got an HTML page"), e);
  }

  @Test
  void aWrongTypeIsMalformedAndNamesTheField() {
    wm.stubFor(get("/api/keyset").willReturn(okJson("{\"response\":{\"keyset_present\":\"yes\"}}")));
    Vns3Error e = Await.error(client.getKeyset());
    assertEquals("controller \"east-1a\": GET /keyset: keyset_present is a string, expected true or false", e.message());
  }

  @Test
  void aLockClaimsCreateIsRetriedAfterA502() {
    // A claim's name is unique to one run, so repeating its POST cannot write over another's.
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/system/variables").inScenario("claim")
        .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/system/variables").inScenario("claim")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(201).withBody("{\"response\":{\"custom\":[]}}")));
    Await.result(client.createVariable("meshctl_lock_r1_1", "{}"));
    wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/system/variables")));
  }

  @Test
  void deletingAVariableThatIsGoneSucceeds() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/api/system/variables/meshctl_lock")
        .willReturn(aResponse().withStatus(404)
            .withBody("{\"error\":{\"name\":\"APINotFoundError\",\"message\":\"Custom variable meshctl_lock does not exist\"}}")));
    Await.result(client.deleteVariable("meshctl_lock"));
    assertEquals(new RequestStats.Counts(0, 1), client.stats().snapshot());
  }
}
