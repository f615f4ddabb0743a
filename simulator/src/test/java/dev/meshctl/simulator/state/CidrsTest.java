package dev.meshctl.simulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Test;

class CidrsTest {
  @Test
  void everyIpv4PrefixHasTheLibrarysNetmask() {
    for (int bits = 0; bits <= 32; bits++) {
      String cidr = "10.0.0.0/" + bits;
      IPAddress a = new IPAddressString(cidr).getAddress();
      String expected = a.getNetwork().getNetworkMask(bits, false).toCanonicalString();
      assertEquals(expected, Cidrs.netmask(cidr), cidr);
    }
  }

  @Test
  void knownMasks() {
    assertEquals("240.0.0.0", Cidrs.netmask("224.0.0.0/4"));
    assertEquals("255.255.255.128", Cidrs.netmask("10.0.1.0/25"));
    assertEquals("255.255.255.255", Cidrs.netmask("10.0.2.10/32"));
  }
}
