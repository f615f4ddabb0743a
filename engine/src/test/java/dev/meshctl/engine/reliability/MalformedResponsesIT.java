package dev.meshctl.engine.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.meshctl.engine.reliability.CampaignMesh.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.meshctl.dsl.model.ApiAccess;
import dev.meshctl.dsl.model.ControllerSpec;
import dev.meshctl.dsl.model.Endpoint;
import dev.meshctl.dsl.model.Secret;
import dev.meshctl.dsl.model.TlsSpec;
import dev.meshctl.engine.client.ClientOptions;
import dev.meshctl.engine.client.Vns3Client;
import dev.meshctl.engine.client.Vns3Clients;
import dev.meshctl.engine.live.ControllerObservation;
import dev.meshctl.engine.live.LiveStateReader;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A controller whose API answers garbage (truncated JSON, wrong types, an HTML page, nothing): the
 * live read reports that controller unreadable, naming it and the call, never a stack trace.
 */
class MalformedResponsesIT {
  private static WireMockServer wm;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    wm.stop();
    await(vertx.close());
  }

  private static final List<String> BODIES =
      List.of(
          "{\"response\": {\"licensed\": tr",
          "{\"response\": {\"licensed\": \"yes\", \"private_ipaddress\": 17, \"peers\": \"none\", \"routes\": 5}}",
          "<html><body><h1>502 Bad Gateway</h1></body></html>",
          "",
          "[1, 2, 3]",
          "{\"response\": null}");

  @Test
  void everyMalformedAnswerNamesTheControllerAndTheCall() throws Exception {
    ControllerSpec spec =
        new ControllerSpec(
            "garbled-1",
            new Endpoint("http", "127.0.0.1", wm.port()),
            "10.0.9.10",
            "10.0.9.0/24",
            Optional.empty(),
            Optional.empty(),
            OptionalInt.of(1),
            Optional.empty(),
            new ApiAccess("api", Optional.of(Secret.of("pw-garbled-0")), Optional.empty(), TlsSpec.SYSTEM, Duration.ofSeconds(2), Duration.ofSeconds(2)),
            List.of());
    Vns3Client client = Vns3Clients.create(vertx, spec, ClientOptions.SIMULATED);
    try {
      for (String body : BODIES) {
        for (String type : List.of("application/json", "text/html")) {
          wm.resetAll();
          wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body)));
          ControllerObservation seen = await(new LiveStateReader().read(spec, client));
          ControllerObservation.Unreadable u =
              assertInstanceOf(ControllerObservation.Unreadable.class, seen, () -> "read garbage as state: " + body);
          String why = u.reason();
          assertTrue(u.controller().equals("garbled-1"), why);
          assertTrue(why.matches("(?s).*GET /(config|license|keyset|peering|routes).*"), () -> "no call named: " + why);
          assertFalse(why.contains("\tat ") || why.contains("Exception"), why);
          assertFalse(why.contains("pw-garbled-0"), why);
        }
      }
    } finally {
      await(client.close());
    }
  }
}
