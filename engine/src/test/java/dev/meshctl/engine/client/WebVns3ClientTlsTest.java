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
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    Path store = dir.resolve("controller.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "controller", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=vns3-test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(store.toFile())) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    cert = (X509Certificate) ks.getCertificate("controller");
    caFile = dir.resolve("ca.pem");
    Files.writeString(
        caFile,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
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
