package dev.meshctl.simulator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshctl.simulator.net.MeshReport;
import dev.meshctl.simulator.state.ControllerData;
import dev.meshctl.simulator.state.EncodedEntries;
import dev.meshctl.simulator.state.PeerEntry;
import dev.meshctl.simulator.state.RouteEntry;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cached table answers are byte for byte the encoding of the same table built as JSON. */
class EncodedTablesTest {

  @Test
  void aRouteTableIsTheEncodingOfItsRowsWhateverTheirIds() {
    EncodedEntries<RouteEntry> cache = new EncodedEntries<>(RoutesApi::withoutId, 3);
    List<RouteEntry> rows = new ArrayList<>();
    rows.add(RouteEntry.multicast(1));
    rows.add(new RouteEntry(7, "10.0.2.0/24", Optional.empty(), "_notset", true, 0, "adv \"quoted\" é", true, true, "main"));
    rows.add(new RouteEntry(9, "10.0.3.5/32", Optional.of("10.0.1.1"), "eth0", false, 3, "peer", false, true, "main"));
    for (int round = 0; round < 3; round++) {
      // The same rows again under new IDs, as learned routes are renumbered: cached forms reused.
      List<RouteEntry> renumbered = new ArrayList<>();
      for (RouteEntry r : rows) {
        renumbered.add(r.withId(r.id() + 100_000 * round));
      }
      JsonObject expected = new JsonObject();
      for (int i = 0; i < renumbered.size(); i++) {
        expected.put(Integer.toString(i + 1), renumbered.get(i).toJson());
      }
      assertEquals(
          new String(Replies.encode(expected)),
          RoutesApi.encode(renumbered, cache).toString(),
          "round " + round);
    }
    // Past the capacity the cache starts again; the answer stays right.
    rows.add(new RouteEntry(11, "10.9.0.0/16", Optional.empty(), "tun0", false, 0, "x", true, false, "main"));
    JsonObject expected = new JsonObject();
    for (int i = 0; i < rows.size(); i++) {
      expected.put(Integer.toString(i + 1), rows.get(i).toJson());
    }
    assertEquals(new String(Replies.encode(expected)), RoutesApi.encode(rows, cache).toString());
  }

  @Test
  void thePeeringViewIsTheEncodingOfTheRecordedShape() {
    EncodedEntries<PeeringApi.Manager> cache = new EncodedEntries<>(m -> Replies.encode(m.toJson()), 100);
    ControllerData d = ControllerData.fresh("pw");
    assertEquals(
        "{\"peered\":false,\"managers\":{}}",
        PeeringApi.view(d, MeshReport.EMPTY, cache).toString(),
        "unlicensed: no IDs");
    d.peerId = Optional.of(2);
    d.peers.put(1, new PeerEntry(1, "10.0.1.5", 1500, true));
    d.peers.put(3, new PeerEntry(3, "ctl3.example", 1400, false));
    PeeringApi.Manager self = new PeeringApi.Manager(2, Optional.of("100.127.255.2"), true, Optional.empty(), false);
    PeeringApi.Manager peer =
        new PeeringApi.Manager(3, Optional.empty(), false, Optional.of(d.peers.get(3)), true);
    PeeringApi.Manager unset = new PeeringApi.Manager(4, Optional.empty(), false, Optional.empty(), false);
    assertEquals(
        "{\"id\":2,\"overlay_ipaddress\":\"100.127.255.2\",\"self\":true}", new String(cache.of(self)));
    assertEquals(
        "{\"id\":3,\"address\":\"ctl3.example\",\"mtu\":\"1400\",\"reachable\":true}", new String(cache.of(peer)));
    assertEquals("{\"id\":4,\"not_set\":true}", new String(cache.of(unset)));
  }
}
