package dev.meshctl.simulator.tls;

import dev.meshctl.simulator.state.PrivateFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A controller's self-signed TLS certificate (EC P-256, ten years), as a fresh VNS3 appliance has.
 * Built with the JDK's public crypto API only, so it works on plain Java 17 and in the shaded jar.
 *
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem the PKCS#8 private key, PEM
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {

  private static final String CERT_FILE = "tls-cert.pem";
  private static final String KEY_FILE = "tls-key.pem";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String ORGANIZATION = "2.5.4.10";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";

  @Override
  public String toString() {
    return "SelfSignedCertificate[" + sha256Fingerprint() + "]";
  }

  /** A new certificate for {@code commonName}, with the given IP address as subject alt name. */
  public static SelfSignedCertificate generate(String commonName, String ipAddress) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = gen.generateKeyPair();
      byte[] sigAlg = Der.sequence(Der.oid(ECDSA_SHA256));
      byte[] name =
          Der.sequence(
              Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8("meshctl simulator"))),
              Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
      DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT);
      byte[] validity =
          Der.sequence(
              Der.utcTime(utc.format(now.minusDays(1))), Der.utcTime(utc.format(now.plusYears(10))));
      byte[] san = Der.tlv(0x87, InetAddress.getByName(ipAddress).getAddress());
      byte[] extensions =
          Der.explicit(
              3,
              Der.sequence(
                  Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(Der.sequence(san)))));
      byte[] serial = new byte[16];
      new SecureRandom().nextBytes(serial);
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(BigInteger.TWO)),
              Der.integer(new BigInteger(1, serial)),
              sigAlg,
              name,
              validity,
              name,
              keys.getPublic().getEncoded(),
              extensions);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] cert = Der.sequence(tbs, sigAlg, Der.bitString(signer.sign()));
      // Parse it back: proves the encoding is valid before any TLS handshake depends on it.
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(cert));
      return new SelfSignedCertificate(
          pem("CERTIFICATE", cert), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create a self-signed certificate: " + e.getMessage(), e);
    }
  }

  /**
   * The certificate kept in {@code dir} (so its fingerprint survives restarts), or a new one
   * saved there.
   */
  public static SelfSignedCertificate loadOrCreate(Path dir, String commonName, String ipAddress)
      throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
      return new SelfSignedCertificate(
          Files.readString(cert, StandardCharsets.US_ASCII),
          Files.readString(key, StandardCharsets.US_ASCII));
    }
    SelfSignedCertificate created = generate(commonName, ipAddress);
    Files.createDirectories(dir);
    Files.writeString(cert, created.certificatePem, StandardCharsets.US_ASCII);
    PrivateFiles.write(key, created.privateKeyPem);
    return created;
  }

  /** The parsed certificate. */
  public X509Certificate certificate() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der(certificatePem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored certificate is unreadable", e);
    }
  }

  /** The private key, to check it matches. */
  public PrivateKey privateKey() {
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyPem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored private key is unreadable", e);
    }
  }

  /** SHA-256 of the DER certificate as upper-case hex pairs joined by ':' (as openssl prints). */
  public String sha256Fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der(certificatePem));
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
