package dev.meshctl.simulator.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Hex digests of text. */
public final class Digests {
  private Digests() {}

  public static String sha256(String text) {
    return hex("SHA-256", text);
  }

  /** SHA-1: what VNS3 uses for its keyset and topology checksums (40 hex digits). */
  public static String sha1(String text) {
    return hex("SHA-1", text);
  }

  private static String hex(String alg, String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(alg + " is part of every JDK", e);
    }
  }
}
