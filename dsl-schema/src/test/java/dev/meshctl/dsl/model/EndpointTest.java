package dev.meshctl.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void hostAloneIsHttpsOnPort8000() {
    assertEquals(Optional.of(new Endpoint("https", "10.0.1.10", 8000)), Endpoint.parse("10.0.1.10"));
    assertEquals(Optional.of(new Endpoint("https", "vns3.example.com", 8443)), Endpoint.parse("vns3.example.com:8443"));
  }

  @Test
  void schemesAndIpv6() {
    assertEquals(Optional.of(new Endpoint("http", "127.0.0.1", 8001)), Endpoint.parse("http://127.0.0.1:8001"));
    assertEquals(Optional.of(new Endpoint("https", "127.0.0.1", 8000)), Endpoint.parse("https://127.0.0.1/"));
    Endpoint v6 = Endpoint.parse("[::1]:9000").orElseThrow();
    assertEquals("::1", v6.host());
    assertEquals("https://[::1]:9000/api", v6.baseUrl());
  }

  @Test
  void rejectsWhatIsNotAnEndpoint() {
    for (String bad : new String[] {"", "ftp://h:1", "h:0", "h:65536", "h:port", "h:1/api", "a b", "-h", "::1"}) {
      assertTrue(Endpoint.parse(bad).isEmpty(), bad);
    }
  }
}
