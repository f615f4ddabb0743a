package dev.meshctl.engine.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.meshctl.dsl.model.TlsSpec;
import io.vertx.core.Vertx;
import dev.meshctl.simulator.tls.SelfSignedCertificate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS trust against a WireMock HTTPS port with its own self-signed certificate. */
class WebVns3ClientTlsTest {
  private static final String STORE_PASSWORD = "changeit";
  @TempDir static Path dir;
  static WireMockServer wm;
  static Vertx vertx;
  static X509Certificate cert;
  static Path caFile;

  @BeforeAll
  static void start() throws Exception {
    // The simulator's certificate maker: a self-signed EC certificate naming 127.0.0.1.
    SelfSignedCertificate made = SelfSignedCertificate.generate("vns3-test", "127.0.0.1");
    cert = made.certificate();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("controller", made.privateKey(), STORE_PASSWORD.toCharArray(), new Certificate[] {cert});
    Path store = dir.resolve("controller.p12");
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, STORE_PASSWORD.toCharArray());
    }
    caFile = dir.resolve("ca.pem");
    Files.writeString(caFile, made.certificatePem());
    wm =
        new WireMockServer(
            options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(store.toString())
                .keystoreType("PKCS12")
                .keystorePassword(STORE_PASSWORD)
                .keyManagerPassword(STORE_PASSWORD));
    wm.start();
    wm.stubFor(get("/api/config").willReturn(okJson(WireMockHarness.CONFIG)));
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    wm.stop();
    Await.result(vertx.close());
  }

  private Vns3Client client(TlsSpec tls) {
    return Vns3Clients.create(
        vertx, TestControllers.controller("east-1a", "https", "127.0.0.1", wm.httpsPort(), tls), TestControllers.FAST);
  }

  @Test
  void aPinnedFingerprintIsTrusted() throws Exception {
    String pin = PinnedCertificateTrustManager.fingerprint(cert).replace(":", "").toLowerCase();
    assertTrue(Await.result(client(new TlsSpec(Optional.empty(), Optional.of(pin), false)).getConfig()).licensed());
  }

  @Test
  void anotherFingerprintIsRefusedWithBoth() throws Exception {
    String wrong = "AB:".repeat(31) + "AB";
    Vns3Error e = Await.error(client(new TlsSpec(Optional.empty(), Optional.of(wrong), false)).getConfig());
    assertInstanceOf(Vns3Error.Tls.class, e);
    assertEquals(
        "controller \"east-1a\": GET /config: certificate fingerprint mismatch: expected "
            + wrong + ", got " + PinnedCertificateTrustManager.fingerprint(cert),
        e.message());
  }

  @Test
  void aCaFileIsTrusted() {
    assertTrue(Await.result(client(new TlsSpec(Optional.of(caFile), Optional.empty(), false)).getConfig()).licensed());
  }

  @Test
  void insecureTrustsAnything() {
    assertTrue(Await.result(client(new TlsSpec(Optional.empty(), Optional.empty(), true)).getConfig()).licensed());
  }

  @Test
  void aSelfSignedCertificateIsNotTrustedByDefault() {
    Vns3Client c = client(TlsSpec.SYSTEM);
    Vns3Error e = Await.error(c.getConfig());
    assertInstanceOf(Vns3Error.Tls.class, e);
    assertTrue(e.message().startsWith("controller \"east-1a\": GET /config: TLS handshake failed"), e.message());
    assertEquals(1, c.stats().snapshot().reads(), "a TLS failure is not retried");
  }

  @Test
  void anUnreadableCaFileFailsEveryCallClearly() {
    Path missing = dir.resolve("missing.pem");
    Vns3Client c = client(new TlsSpec(Optional.of(missing), Optional.empty(), false));
    Vns3Error e = Await.error(c.getConfig());
    assertEquals(new Vns3Error.Tls("east-1a", "GET /config", "CA file " + missing + " cannot be read"), e);
    assertEquals(RequestStats.Counts.ZERO, c.stats().snapshot());
  }
}
