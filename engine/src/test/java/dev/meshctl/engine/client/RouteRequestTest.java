package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.engine.live.LiveRoute;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The "did my ambiguous POST land?" check recognises its route under every form a controller may
 * report it in, read through the wire decoder as the client reads it.
 */
class RouteRequestTest {
  private static final RouteRequest ADVERTISEMENT =
      new RouteRequest("10.0.1.0/24", Optional.empty(), Optional.empty(), true, 0, Optional.of("meshctl: advertise subnet"));
  private static final RouteRequest PEER_ROUTE =
      new RouteRequest("10.0.2.10/32", Optional.of("10.0.1.1"), Optional.of("eth0"), false, 0, Optional.of("meshctl: peer route"));

  private static LiveRoute read(String entry) {
    return Vns3Wire.routes(Vns3Wire.payload(Buffer.buffer("{\"response\":{\"1\":" + entry + "}}"))).get(0);
  }

  @Test
  void anAdvertisementIsRecognisedWhateverSpellingOfNoneTheTableUses() {
    for (String entry : List.of(
        // as real tables report it (SDK stub_data.py, RoutesResponse key "4")
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"netmask\":\"255.255.255.0\",\"interface\":\"_notset\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":\"_notset\",\"gateway\":\"_notset\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":\"\",\"gateway\":\"\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":null,\"gateway\":null,\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/255.255.255.0\",\"interface\":\"_notset\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0\",\"netmask\":\"255.255.255.0\",\"interface\":\"_notset\",\"advertise\":true}")) {
      assertTrue(ADVERTISEMENT.sameRoute(read(entry)), entry);
    }
  }

  @Test
  void aPeerRouteIsRecognisedInEveryCidrForm() {
    for (String entry : List.of(
        "{\"id\":3,\"cidr\":\"10.0.2.10/32\",\"netmask\":\"255.255.255.255\",\"interface\":\"eth0\",\"gateway\":\"10.0.1.1\"}",
        "{\"id\":3,\"cidr\":\"10.0.2.10\",\"netmask\":\"255.255.255.255\",\"interface\":\"eth0\",\"gateway\":\"10.0.1.1\",\"advertise\":false}",
        "{\"id\":3,\"cidr\":\"10.0.2.10\",\"interface\":\"eth0\",\"gateway\":\"10.0.1.1\"}")) {
      assertTrue(PEER_ROUTE.sameRoute(read(entry)), entry);
    }
  }

  @Test
  void anotherRouteIsNotMistakenForIt() {
    for (String entry : List.of(
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":\"_notset\",\"advertise\":false}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/25\",\"interface\":\"_notset\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":\"tun0\",\"advertise\":true}",
        "{\"id\":8,\"cidr\":\"10.0.1.0/24\",\"interface\":\"_notset\",\"gateway\":\"10.0.1.1\",\"advertise\":true}")) {
      assertFalse(ADVERTISEMENT.sameRoute(read(entry)), entry);
    }
    assertFalse(PEER_ROUTE.sameRoute(read("{\"id\":3,\"cidr\":\"10.0.2.10/32\",\"interface\":\"eth0\",\"gateway\":\"10.0.1.129\"}")));
  }
}
