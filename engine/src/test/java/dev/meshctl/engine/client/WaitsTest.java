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

  /**
   * A probe that answers {@code steps} to successive polls (an {@link Vns3Error} fails the poll,
   * anything else is its answer), then the last step forever; counts its polls.
   */
  private static final class Scripted<T> implements java.util.function.Supplier<io.vertx.core.Future<T>> {
    private final List<Object> steps;
    int polls;

    Scripted(Object... steps) {
      this.steps = List.of(steps);
    }

    @Override
    @SuppressWarnings("unchecked")
    public io.vertx.core.Future<T> get() {
      Object step = steps.get(Math.min(polls++, steps.size() - 1));
      return step instanceof Vns3Error e
          ? io.vertx.core.Future.failedFuture(new Vns3Exception(e))
          : io.vertx.core.Future.succeededFuture((T) step);
    }
  }

  private static final Object OK = "healthy";
  private static final Vns3Error REFUSED = new Vns3Error.Unreachable("east-1a", "GET /config", "connection refused", false);
  private static final Vns3Error RESET = new Vns3Error.Unreachable("east-1a", "GET /config", "connection reset", true);
  private static final Vns3Error BAD_GATEWAY = new Vns3Error.ServerBusy("east-1a", "GET /config", 502);
  private static final Vns3Error UNAVAILABLE = new Vns3Error.ServerBusy("east-1a", "GET /config", 503);
  private static final Vns3Error SLOW = new Vns3Error.Timeout("east-1a", "GET /config", "no answer within 0.5 s");
  private static final Vns3Error UNAUTHORIZED = new Vns3Error.Unauthorized("east-1a", "GET /config");

  /** Polls every 10 ms, 3 healthy answers, a go-down window far longer than any script here. */
  private static final WaitPolicy PATIENT =
      new WaitPolicy(Duration.ofMillis(10), 3, Duration.ofSeconds(30), Duration.ofMillis(500), 2, Duration.ofSeconds(30));

  private static io.vertx.core.Future<Void> reboot(WaitPolicy policy, Scripted<Object> probe) {
    return Waits.reboot(vertx, policy, LONG.multipliedBy(6), "east-1a", probe::get);
  }

  @Test
  void aRebootWaitRidesThroughEveryBootPhase() {
    Scripted<Object> probe = new Scripted<>(OK, REFUSED, REFUSED, BAD_GATEWAY, UNAVAILABLE, UNAUTHORIZED, UNAUTHORIZED, OK);
    Await.result(reboot(PATIENT, probe));
    // Healthy before the reboot, down twice, proxy twice, 401 twice, then 3 healthy answers.
    assertEquals(10, probe.polls);
  }

  @Test
  void proxyErrorsResetsAndSlowAnswersAreNotTheReboot() {
    // A 502 (or 503, reset, timeout) on a controller that has not gone down yet once ended the
    // wait at the next healthy answers: only the refused connection is the reboot.
    Scripted<Object> probe =
        new Scripted<>(OK, BAD_GATEWAY, OK, OK, OK, UNAVAILABLE, OK, RESET, OK, SLOW, OK, OK, OK, REFUSED, OK);
    Await.result(reboot(PATIENT, probe));
    assertEquals(17, probe.polls);
  }

  @Test
  void aRebootWaitCountsAFlapAgainstTheStreak() {
    Scripted<Object> probe = new Scripted<>(REFUSED, OK, OK, REFUSED, BAD_GATEWAY, OK, OK, BAD_GATEWAY, OK);
    Await.result(reboot(PATIENT, probe));
    // After the second refusal, 502s do not start the count again: 3 healthy answers in 5 polls.
    assertEquals(9, probe.polls);
  }

  @Test
  void aKeysetRebootCountsTheKeysetHealthyStreak() {
    Scripted<Object> config = new Scripted<>(OK);
    Scripted<KeysetState> keyset =
        new Scripted<>(
            new Vns3Error.Forbidden("east-1a", "GET /keyset", "Must be licensed first."),
            new Vns3Error.Unreachable("east-1a", "GET /keyset", "connection refused", false),
            new Vns3Error.ServerBusy("east-1a", "GET /keyset", 503),
            new Vns3Error.Unauthorized("east-1a", "GET /keyset"),
            new KeysetState(true, false, Optional.of("c0ffee"), Optional.of(100L)));
    KeysetState k =
        Await.result(
            Waits.downloadedKeyset(vertx, PATIENT, LONG, LONG, "east-1a", Optional.of(100L), keyset::get, config::get));
    assertTrue(k.present());
    // The keyset wait saw the controller go down: only the keyset streak (2) of GET /config.
    assertEquals(2, config.polls);
  }

  @Test
  void aDownloadWhoseKeysetShowsBeforeTheRebootWaitsForTheReboot() {
    Scripted<Object> config = new Scripted<>(OK, OK, REFUSED, UNAUTHORIZED, OK);
    Scripted<KeysetState> keyset = new Scripted<>(new KeysetState(true, false, Optional.of("c0ffee"), Optional.of(100L)));
    Await.result(
        Waits.downloadedKeyset(vertx, PATIENT, LONG, LONG, "east-1a", Optional.of(100L), keyset::get, config::get));
    assertEquals(6, config.polls);
    assertEquals(2, keyset.polls);
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
    assertInstanceOf(Vns3Error.Timeout.class, e);
    assertTrue(
        e.message().matches(
            "controller \"east-1a\": reboot wait: the API never went down \\(no refused connection\\) after 0\\.[2-9] s; "
                + "last poll: GET /config: connection reset"),
        e.message());
  }

  @Test
  void a401ThatOutlastsTheBootWindowIsAWrongPassword() {
    WaitPolicy shortWindow =
        new WaitPolicy(Duration.ofMillis(10), 3, Duration.ofSeconds(30), Duration.ofMillis(500), 3, Duration.ofMillis(100));
    Scripted<Object> probe = new Scripted<>(REFUSED, UNAUTHORIZED);
    Vns3Error e = Await.error(reboot(shortWindow, probe));
    Vns3Error.Unauthorized u = assertInstanceOf(Vns3Error.Unauthorized.class, e);
    assertEquals("reboot wait", u.call());
    assertTrue(u.detail().contains("the API password or token is wrong"), u.detail());
    assertTrue(probe.polls > 5, "waited through 401 for the window first: " + probe.polls);
  }

  @Test
  void aCallThatMeetsABootRidesThroughIts401() {
    // A read (the lock's, the verification's) that meets a controller coming back: 503 from its
    // proxy, then 401 while it boots, then the answer.
    script("/api/config", List.of(aResponse().withStatus(503), aResponse().withStatus(401), okJson(CONFIG)));
    assertTrue(Await.result(client.getConfig()).licensed());
    wm.verify(3, getRequestedFor(urlEqualTo("/api/config")));
  }

  @Test
  void a401BeforeAnyRebootIsAWrongPasswordAtOnce() {
    wm.stubFor(get("/api/config").willReturn(aResponse().withStatus(401)));
    Vns3Error e = Await.error(client.getConfig());
    assertInstanceOf(Vns3Error.Unauthorized.class, e);
    assertTrue(e.message().contains("the API password or token is wrong"), e.message());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/config")));
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
        new Vns3Error.JobFailed("east-1a", "keyset wait", "the keyset job started at 100 stopped without a keyset (last poll: in_progress false, keyset_present false)"), e);
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
    assertTrue(
        e.message().matches("controller \"east-1a\": keyset wait: no keyset after 0\\.[12] s; last poll: in progress"),
        e.message());
  }
}
