package dev.meshctl.engine.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CidrsTest {
  @Test
  void subnetArithmetic() {
    assertEquals("10.0.1.1", Cidrs.firstAddress("10.0.1.0/25"));
    assertEquals("10.0.1.129", Cidrs.firstAddress("10.0.1.128/25"));
    assertEquals("10.0.1.0/25", Cidrs.network("10.0.1.5/25"));
    assertEquals("10.0.2.10/32", Cidrs.hostRoute("10.0.2.10"));
    assertEquals("10.0.2.10/32", Cidrs.canonical("10.0.2.10"));
    assertEquals("192.168.0.0/16", Cidrs.canonical(" 192.168.0.0/16"));
    assertEquals("not-a-cidr", Cidrs.canonical("not-a-cidr"));
  }
}
