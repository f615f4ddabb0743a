package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.meshctl.engine.live.KeysetState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reboot and keyset waits, polling a WireMock controller that walks through scripted states. */
class WaitsTest extends WireMockHarness {
  private static final Duration LONG = Duration.ofSeconds(5);

  /** Answers {@code steps} to successive GETs of {@code path}, then the last step forever. */
  private static void script(String path, List<ResponseDefinitionBuilder> steps) {
    for (int i = 0; i < steps.size(); i++) {
      String state = i == 0 ? STARTED : "step" + i;
      var stub = get(path).inScenario(path).whenScenarioStateIs(state).willReturn(steps.get(i));
      wm.stubFor(i + 1 < steps.size() ? stub.willSetStateTo("step" + (i + 1)) : stub);
    }
  }

  private static ResponseDefinitionBuilder reset() {
    return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
  }

  private static ResponseDefinitionBuilder keyset(String json) {
    return okJson("{\"response\":" + json + "}");
  }

  @Test
  void aRebootWaitSeesTheApiGoAndComeBack() {
    script("/api/config", List.of(okJson(CONFIG), reset(), aResponse().withStatus(503), okJson(CONFIG)));
    Await.result(client.awaitReboot(LONG));
    // One healthy answer before the reboot, two while down, then the healthy streak of 3.
    wm.verify(6, getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void aRebootWaitCountsAFlapAgainstTheStreak() {
    script("/api/config", List.of(reset(), okJson(CONFIG), okJson(CONFIG), reset(), okJson(CONFIG)));
    Await.result(client.awaitReboot(LONG));
    wm.verify(7, getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void aRebootThatIsNeverSeenGoingDownEndsAfterTheWindowAndAStreak() {
    wm.stubFor(get("/api/config").willReturn(okJson(CONFIG)));
    long start = System.nanoTime();
    Await.result(client.awaitReboot(LONG));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= TestControllers.FAST_WAIT.goDownWindow().toMillis(), "took " + tookMillis);
  }

  @Test
  void aControllerThatStaysDownTimesOutWithTheLastError() {
    wm.stubFor(get("/api/config").willReturn(reset()));
    Vns3Error e = Await.error(client.awaitReboot(Duration.ofMillis(300)));
    assertEquals(
        "controller \"east-1a\": reboot wait: the API is not steadily back after 0.3 s; "
            + "last poll: GET /config: connection reset",
        e.message());
    assertInstanceOf(Vns3Error.Timeout.class, e);
  }

  @Test
  void aRefusedPasswordEndsTheRebootWaitAtOnce() {
    script("/api/config", List.of(reset(), aResponse().withStatus(401)));
    Vns3Error e = Await.error(client.awaitReboot(LONG));
    assertInstanceOf(Vns3Error.Unauthorized.class, e);
    wm.verify(2, getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void aKeysetWaitEndsWhenTheKeysetIsPresent() {
    script("/api/keyset", List.of(
        keyset("{\"keyset_present\":false,\"in_progress\":true,\"started_at_i\":100}"),
        keyset("{\"keyset_present\":false,\"in_progress\":true,\"started_at_i\":100}"),
        keyset("{\"keyset_present\":true,\"in_progress\":false,\"checksum\":\"c0ffee\",\"started_at_i\":100}")));
    KeysetState k = Await.result(client.awaitKeyset(LONG, Optional.empty()));
    assertEquals(new KeysetState(true, false, Optional.of("c0ffee"), Optional.of(100L)), k);
    wm.verify(3, getRequestedFor(urlEqualTo("/api/keyset")));
  }

  @Test
  void aKeysetWaitWaitsThroughUnlicensedAnswersAndAReboot() {
    script("/api/keyset", List.of(
        aResponse().withStatus(403).withBody(UNLICENSED),
        reset(),
        keyset("{\"keyset_present\":true,\"checksum\":\"c0ffee\"}")));
    assertTrue(Await.result(client.awaitKeyset(LONG, Optional.empty())).present());
  }

  @Test
  void aJobThatStopsWithoutAKeysetFails() {
    script("/api/keyset", List.of(
        keyset("{\"keyset_present\":false,\"in_progress\":true,\"started_at_i\":100}"),
        keyset("{\"keyset_present\":false,\"in_progress\":false,\"started_at_i\":100}")));
    Vns3Error e = Await.error(client.awaitKeyset(LONG, Optional.empty()));
    assertEquals(
        new Vns3Error.JobFailed("east-1a", "keyset wait", "the keyset job started at 100 stopped without a keyset"), e);
  }

  @Test
  void theEarlierAttemptsRecordIsNotTakenForTheNewJob() {
    script("/api/keyset", List.of(
        keyset("{\"keyset_present\":false,\"in_progress\":false,\"started_at_i\":100}"),
        keyset("{\"keyset_present\":false,\"in_progress\":true,\"started_at_i\":200}"),
        keyset("{\"keyset_present\":true,\"checksum\":\"c0ffee\",\"started_at_i\":200}")));
    KeysetState k = Await.result(client.awaitKeyset(LONG, Optional.of(100L)));
    assertEquals(Optional.of(200L), k.startedAt());
  }

  @Test
  void aKeysetWaitTimesOut() {
    wm.stubFor(get("/api/keyset").willReturn(keyset("{\"keyset_present\":false,\"in_progress\":true}")));
    Vns3Error e = Await.error(client.awaitKeyset(Duration.ofMillis(200), Optional.empty()));
    assertEquals("controller \"east-1a\": keyset wait: no keyset after 0.2 s; last poll: in progress", e.message());
  }
}
