package dev.meshctl.simulator.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
  @TempDir Path dir;

  @Test
  void isAValidSelfSignedCertificateWithItsIpAsAltName() throws Exception {
    SelfSignedCertificate c = SelfSignedCertificate.generate("ctl1", "10.0.1.10");
    X509Certificate x = c.certificate();
    x.checkValidity();
    x.verify(x.getPublicKey());
    assertEquals(x.getSubjectX500Principal(), x.getIssuerX500Principal());
    assertTrue(x.getSubjectX500Principal().getName().contains("CN=ctl1"));
    assertEquals(List.of(7, "10.0.1.10"), List.copyOf(x.getSubjectAlternativeNames().iterator().next()));
    // The key matches the certificate.
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(c.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(x.getPublicKey());
    s.update(new byte[] {1, 2, 3});
    assertTrue(s.verify(sig));
    assertTrue(c.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    assertTrue(!c.toString().contains("PRIVATE"));
  }

  @Test
  void keptInADirectoryItKeepsItsFingerprint() throws Exception {
    SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, "ctl1", "10.0.1.10");
    assertEquals(first.sha256Fingerprint(), SelfSignedCertificate.loadOrCreate(dir, "ctl1", "10.0.1.10").sha256Fingerprint());
    assertNotEquals(first.sha256Fingerprint(), SelfSignedCertificate.generate("ctl1", "10.0.1.10").sha256Fingerprint());
  }
}
