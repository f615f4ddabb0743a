package dev.meshctl.engine.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint was pinned in the
 * spec. A fresh controller's certificate is self-signed, so a pin is how to trust it without
 * trusting everything. Host names are not checked: the pin is the identity.
 */
final class PinnedCertificateTrustManager implements X509TrustManager {
  private final String expected;

  /** @param fingerprint SHA-256 in hex, with or without colons, any case */
  PinnedCertificateTrustManager(String fingerprint) {
    this.expected = normalise(fingerprint);
  }

  /** {@code AB:CD:...}: upper-case hex pairs joined by colons, as browsers and openssl print it. */
  static String normalise(String fingerprint) {
    String hex = fingerprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, Math.min(i + 2, hex.length()));
    }
    return out.toString();
  }

  /** The SHA-256 fingerprint of {@code cert}, in {@link #normalise} form. */
  static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
    try {
      return normalise(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    String actual = fingerprint(chain[0]);
    if (!actual.equals(expected)) {
      throw new FingerprintMismatchException(expected, actual);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("meshctl does not accept client connections");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }

  /** The server's certificate is not the pinned one. */
  static final class FingerprintMismatchException extends CertificateException {
    FingerprintMismatchException(String expected, String actual) {
      super("certificate fingerprint mismatch: expected " + expected + ", got " + actual);
    }
  }
}
