package dev.meshctl.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static Vns3Error classify(Throwable t) {
    return Failures.classify("east-1a", "GET /config", t, 2000);
  }

  @Test
  void aRefusedConnectionWasNeverSent() {
    assertEquals(
        new Vns3Error.Unreachable("east-1a", "GET /config", "connection refused", false),
        classify(new ConnectException("Connection refused: /127.0.0.1:8000")));
  }

  @Test
  void aListenerClosingMidHandshakeIsDownNotUntrusted() {
    SSLHandshakeException e = new SSLHandshakeException("handshake failed");
    e.initCause(new ClosedChannelException());
    assertEquals(
        new Vns3Error.Unreachable("east-1a", "GET /config", "connection closed during the TLS handshake", false),
        classify(e));
  }

  @Test
  void anUntrustedCertificateIsATlsError() {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
    e.initCause(new CertificateException("unable to find valid certification path"));
    assertEquals(
        new Vns3Error.Tls("east-1a", "GET /config", "TLS handshake failed: unable to find valid certification path"),
        classify(e));
  }

  @Test
  void aPinMismatchSaysBothFingerprints() {
    SSLHandshakeException e = new SSLHandshakeException("x");
    e.initCause(new PinnedCertificateTrustManager.FingerprintMismatchException("AA:BB", "CC:DD"));
    assertEquals(
        new Vns3Error.Tls("east-1a", "GET /config", "certificate fingerprint mismatch: expected AA:BB, got CC:DD"),
        classify(e));
  }

  @Test
  void aResetAfterSendingIsAmbiguous() {
    Vns3Error e = classify(new java.io.IOException("Connection reset by peer"));
    assertEquals(new Vns3Error.Unreachable("east-1a", "GET /config", "connection reset", true), e);
    assertEquals(true, e.ambiguous());
  }

  @Test
  void anAlreadyClassifiedErrorIsKept() {
    Vns3Error busy = new Vns3Error.ServerBusy("east-1a", "GET /config", 503);
    assertEquals(busy, classify(new Vns3Exception(busy)));
  }
}
