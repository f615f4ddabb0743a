package dev.meshctl.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceAddressTest {
  @Test
  void canonicalTextForms() {
    assertEquals("controller[\"east-1a\"]", ResourceAddress.controller("east-1a").toString());
    assertEquals("controller[\"east-1a\"].peer[2]", ResourceAddress.peer("east-1a", 2).toString());
    assertEquals(
        "controller[\"east-1a\"].route[\"10.0.2.10/32\"]",
        ResourceAddress.route("east-1a", "10.0.2.10/32").toString());
    assertEquals("controller[\"east-1a\"].keyset", ResourceAddress.keyset("east-1a").toString());
    assertEquals("controller[\"east-1a\"].license", ResourceAddress.license("east-1a").toString());
    assertEquals("controller[\"east-1a\"].peer_id", ResourceAddress.peerId("east-1a").toString());
    assertEquals("controller[\"east-1a\"].names", ResourceAddress.names("east-1a").toString());
  }

  @Test
  void parsesEveryFormBack() {
    for (ResourceAddress a :
        List.of(
            ResourceAddress.controller("a"),
            ResourceAddress.peer("a", 12),
            ResourceAddress.route("a", "10.0.2.10/32"),
            ResourceAddress.keyset("we\"ird\\name"),
            ResourceAddress.license("a"),
            ResourceAddress.peerId("a"),
            ResourceAddress.names("a"))) {
      assertEquals(a, ResourceAddress.parse(a.toString()));
    }
  }

  @Test
  void rejectsWhatIsNotAnAddress() {
    assertThrows(IllegalArgumentException.class, () -> ResourceAddress.parse("controller[east]"));
    assertThrows(IllegalArgumentException.class, () -> ResourceAddress.parse("controller[\"a\"].bogus"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ResourceAddress("a", ResourceKind.PEER, java.util.Optional.empty()));
  }

  @Test
  void sortsByControllerThenSetupOrderThenNumericPeerIds() {
    List<ResourceAddress> l =
        new ArrayList<>(
            List.of(
                ResourceAddress.route("a", "10.0.1.0/24"),
                ResourceAddress.peer("a", 10),
                ResourceAddress.peer("a", 2),
                ResourceAddress.license("b"),
                ResourceAddress.keyset("a"),
                ResourceAddress.license("a")));
    l.sort(null);
    assertEquals(
        List.of(
            ResourceAddress.license("a"),
            ResourceAddress.keyset("a"),
            ResourceAddress.peer("a", 2),
            ResourceAddress.peer("a", 10),
            ResourceAddress.route("a", "10.0.1.0/24"),
            ResourceAddress.license("b")),
        l);
  }
}
